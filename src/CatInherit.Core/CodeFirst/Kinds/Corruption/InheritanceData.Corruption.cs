using System.Runtime.CompilerServices;
using CatInherit.Probes.Corruption;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A corruption check with every corruption that fits the model's input (text, or numeric features).</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    public CorruptionCheck Corruption([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => new(CheckState.Start(CorruptionKind.Descriptor, callerFile, callerLine, ("dataset", this)));

    /// <summary>A corruption check with these corruptions.</summary>
    /// <param name="corruptions">The corruptions; each must fit the model's input.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("corruptions")]
    public CorruptionCheck Corruption(IEnumerable<Corruption> corruptions, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(corruptions);
        return new(CheckState.Start(CorruptionKind.Descriptor, callerFile, callerLine, ("dataset", this), ("corruptions", corruptions.Select(CorruptionCheck.Name).ToArray())));
    }
}
