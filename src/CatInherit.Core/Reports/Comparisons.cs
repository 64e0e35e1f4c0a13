using CatInherit.Gating;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes;

namespace CatInherit.Reports;

/// <summary>
/// Puts the runs of each compared check side by side (<see cref="ComparedCheck"/>) and tallies them per catastrophe
/// (<see cref="CatastropheComparison"/>): the one place every report format reads a comparison from.
/// </summary>
public static class Comparisons
{
    /// <summary>
    /// The catastrophe a kind tests for, which the summary groups by. Today the kind itself; when the kinds' descriptors
    /// carry a catastrophe taxonomy, this is the one line to change.
    /// </summary>
    public static string CatastropheOf(string kind) => kind;

    /// <summary>The compared checks of a run, in policy order, each with its runs in the order its models were written.</summary>
    public static IReadOnlyList<ComparedCheck> Of(IReadOnlyList<CheckReport> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var result = new List<ComparedCheck>();
        foreach (var group in checks.Where(c => c.Comparison is not null).GroupBy(c => c.Comparison!.Id, StringComparer.Ordinal))
        {
            var runs = group.ToList();
            var first = runs[0];
            var gate = runs.Select(r => r.Gate?.Gate).FirstOrDefault(g => g is not null);
            var descriptor = CheckKinds.Catalog.Find(first.Kind);
            var metric = gate?.Metric ?? descriptor?.ReportedMetrics.FirstOrDefault() ?? first.Metrics.FirstOrDefault()?.Name ?? string.Empty;
            bool? lowerIsBetter = gate is not null
                ? gate.Op == GateOp.Max
                : descriptor?.FindMetric(metric)?.Direction switch
                {
                    MetricDirection.HigherIsWorse => true,
                    MetricDirection.LowerIsWorse => false,
                    _ => null,
                };
            var rows = runs.OrderBy(r => IndexOf(r.Comparison!)).Select(r => new ComparisonRun(
                r.Comparison!.Model,
                r.Id,
                r.Status,
                r.Metrics.FirstOrDefault(m => m.Name == metric)?.Value,
                r.IntervalOf(metric),
                r.Count)).ToList();
            result.Add(new ComparedCheck(first.Comparison!.Id, first.Kind, CatastropheOf(first.Kind), metric, gate, lowerIsBetter, rows));
        }

        return result;
    }

    /// <summary>
    /// Per catastrophe (in the order they first appear), each side's tally and the side that passes on less. A side is a
    /// place in the <c>compare:</c> lists: the first models of every list are one side, the second another, and so on, so a
    /// foundation's classifier and its encoder, listed at the same place, are tallied together (the label names them all).
    /// </summary>
    public static IReadOnlyList<CatastropheComparison> Summary(IReadOnlyList<ComparedCheck> compared)
    {
        ArgumentNullException.ThrowIfNull(compared);
        var sides = compared.Count == 0 ? 0 : compared.Max(c => c.Runs.Count);
        var labels = Enumerable.Range(0, sides)
            .Select(i => string.Join(" / ", compared.Where(c => i < c.Runs.Count).Select(c => c.Runs[i].Model).Distinct(StringComparer.Ordinal)))
            .ToList();
        var result = new List<CatastropheComparison>();
        foreach (var group in compared.GroupBy(c => c.Catastrophe, StringComparer.Ordinal))
        {
            var tallies = Enumerable.Range(0, sides).Select(side =>
            {
                var runs = group.Where(c => side < c.Runs.Count).Select(c => c.Runs[side]).ToList();
                return new ModelTally(
                    labels[side],
                    runs.Count,
                    runs.Count(r => r.Status == CheckStatus.Pass),
                    runs.Count(r => r.Status is CheckStatus.Fail or CheckStatus.Error),
                    runs.Count(r => r.Status == CheckStatus.Warn),
                    group.Count(c => side < c.Runs.Count && c.Best.Contains(c.Runs[side].Model, StringComparer.Ordinal)));
            }).Where(t => t.Checks > 0).ToList();
            var ranked = tallies.OrderBy(t => t.Failed).ThenBy(t => t.Warned).ThenByDescending(t => t.Best).ToList();
            var leader = ranked.Count > 1 && Key(ranked[0]) != Key(ranked[1]) ? ranked[0].Model : null;
            result.Add(new CatastropheComparison(group.Key, tallies, leader));
        }

        return result;
    }

    private static (int, int, int) Key(ModelTally tally) => (tally.Failed, tally.Warned, -tally.Best);

    private static int IndexOf(CheckComparison comparison) => comparison.Models.ToList().IndexOf(comparison.Model);
}
