using CatInherit.Metrics;
namespace CatInherit.Reports;

/// <summary>A check's gate, value and interval as the summary tables show them ("—" where there is none).</summary>
/// <param name="Gate">e.g. <c>demographic_parity_difference ≤ 0.1</c>.</param>
/// <param name="Value">The gated metric's value.</param>
/// <param name="Interval">Its bootstrap interval.</param>
internal sealed record SummaryRow(string Gate, string Value, string Interval)
{
    private const string None = "—";

    public static SummaryRow Of(CheckReport check) => check.Gate is not { } g
        ? new(None, None, None)
        : new(
            $"{g.Gate.Metric} {(g.Gate.Op == Policy.GateOp.Max ? "≤" : "≥")} {Numbers.Format(g.Gate.Threshold)}",
            g.Value is { } v ? Numbers.Format(v) : None,
            check.IntervalOf(g.Gate.Metric) is { } iv ? Numbers.Format(iv) : None);
}
