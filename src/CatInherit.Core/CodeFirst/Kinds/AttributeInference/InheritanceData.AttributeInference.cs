using System.Runtime.CompilerServices;
using CatInherit.Probes.AttributeInference;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>An attribute-inference check: can the attribute given in code (one value per row; column <c>sensitive</c>) be recovered from this data's model outputs or scores?</summary>
    /// <param name="sensitive">One attribute value per row.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("sensitive")]
    public AttributeInferenceCheck AttributeInference<TAttribute>(IEnumerable<TAttribute> sensitive, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TAttribute : notnull =>
        new(CheckState.Start(AttributeInferenceKind.Descriptor, callerFile, callerLine, ("dataset", this), ("sensitive", "sensitive")).WithColumn("sensitive", sensitive, callerFile, callerLine));

    /// <summary>An attribute-inference check: can the attribute in <paramref name="column"/> be recovered from this data's model outputs or scores?</summary>
    /// <param name="column">The attribute column.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("sensitive")]
    public AttributeInferenceCheck AttributeInference(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new(CheckState.Start(AttributeInferenceKind.Descriptor, callerFile, callerLine, ("dataset", this), ("sensitive", column)));
    }
}
