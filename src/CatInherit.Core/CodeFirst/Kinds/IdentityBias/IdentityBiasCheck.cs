using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.IdentityBias;

namespace CatInherit.CodeFirst;

/// <summary>An identity-bias check: per identity subgroup, the subgroup, BPSN and BNSP AUCs and the average equality gaps, summarised by the Jigsaw final bias score.</summary>
public sealed class IdentityBiasCheck : InheritanceCheck<IdentityBiasCheck, IdentityBiasMetric>, ICodeFirstKind
{
    internal IdentityBiasCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => IdentityBiasKind.Descriptor;

    /// <summary>One more identity subgroup: a boolean column of the check's data (true/false or 1/0).</summary>
    /// <param name="column">The column.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("subgroups")]
    public IdentityBiasCheck Subgroup(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(column);
        return With(State.Append("subgroups", column, callerFile, callerLine));
    }

    /// <summary>One more identity subgroup given in code: whether each row belongs to it (rows given in code only).</summary>
    /// <param name="name">The subgroup's name in the report (a column of that name is added to the check's data).</param>
    /// <param name="members">One value per row: true when the row mentions the identity.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("subgroups")]
    public IdentityBiasCheck Subgroup(string name, IEnumerable<bool> members, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return With(State.WithColumn(name, members, callerFile, callerLine).Append("subgroups", name, callerFile, callerLine));
    }

    /// <summary>The class whose probability is the score (default <c>1</c>).</summary>
    /// <param name="label">The positive class (e.g. toxic, or positive sentiment).</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("positive_label")]
    public IdentityBiasCheck PositiveLabel<TLabel>(TLabel label, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("positive_label", InMemoryColumn.Text(label), callerFile, callerLine);

    /// <summary>The exponent p of the power means over subgroups (default −5, Jigsaw's, which weighs the worst subgroups most).</summary>
    /// <param name="power">From −50 to −1.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("power")]
    public IdentityBiasCheck Power(double power, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("power", power, callerFile, callerLine);

    /// <summary>The weight of the overall AUC in the final bias score (default 0.25, Jigsaw's).</summary>
    /// <param name="weight">From 0 to 1.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("overall_weight")]
    public IdentityBiasCheck OverallWeight(double weight, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("overall_weight", weight, callerFile, callerLine);

    private protected override IdentityBiasCheck With(CheckState state) => new(state);
}
