using System.Runtime.CompilerServices;
using CatInherit.Probes.GroupFairness;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A group-fairness check over the groups of a sensitive attribute given in code (one value per row; column <c>group</c>).</summary>
    /// <param name="sensitive">One group per row, e.g. each row's sex.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("sensitive")]
    public GroupFairnessCheck GroupFairness<TGroup>(IEnumerable<TGroup> sensitive, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TGroup : notnull => new GroupFairnessCheck(CheckState.Start(GroupFairnessKind.Descriptor, callerFile, callerLine, ("dataset", this))).CrossedWith(sensitive, callerFile, callerLine);

    /// <summary>A group-fairness check over the groups of a column of this data.</summary>
    /// <param name="column">The sensitive column.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("sensitive")]
    public GroupFairnessCheck GroupFairness(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new GroupFairnessCheck(CheckState.Start(GroupFairnessKind.Descriptor, callerFile, callerLine, ("dataset", this))).CrossedWith(column, callerFile, callerLine);
}
