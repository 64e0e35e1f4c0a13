using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.GroupFairness;

namespace CatInherit.CodeFirst;

/// <summary>A group-fairness check: selection rate, accuracy, TPR and FPR compared across the groups of a sensitive attribute.</summary>
public sealed class GroupFairnessCheck : InheritanceCheck<GroupFairnessCheck, GroupFairnessMetric>, ICodeFirstKind
{
    internal GroupFairnessCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => GroupFairnessKind.Descriptor;

    /// <summary>Intersectional groups: each group is a combination of the attributes so far and these values (one per row).</summary>
    /// <param name="sensitive">One value per row of the check's data (rows given in code).</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("sensitive")]
    public GroupFairnessCheck CrossedWith<TGroup>(IEnumerable<TGroup> sensitive, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TGroup : notnull
    {
        var column = State.NextColumn("group");
        return With(State.WithColumn(column, sensitive, callerFile, callerLine).Append("sensitive", column, callerFile, callerLine));
    }

    /// <summary>Intersectional groups: each group is a combination of the attributes so far and this column.</summary>
    /// <param name="column">A column of the check's data.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("sensitive")]
    public GroupFairnessCheck CrossedWith(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(column);
        return With(State.Append("sensitive", column, callerFile, callerLine));
    }

    /// <summary>The label that counts as positive (default <c>1</c>; <c>1</c>, <c>1.0</c> and <c>"1"</c> name the same class).</summary>
    /// <param name="label">The positive class.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("positive_label")]
    public GroupFairnessCheck PositiveLabel<TLabel>(TLabel label, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("positive_label", InMemoryColumn.Text(label), callerFile, callerLine);

    /// <summary>Groups with fewer rows are reported, left out of the metrics, and warned about (default 1).</summary>
    /// <param name="rows">The smallest group size compared.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("min_group_size")]
    public GroupFairnessCheck MinGroupSize(int rows, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("min_group_size", rows, callerFile, callerLine);

    private protected override GroupFairnessCheck With(CheckState state) => new(state);
}
