using CatInherit.Policy;

namespace CatInherit.Reports;

/// <summary>A check written with <c>compare:</c>, its runs side by side on one metric.</summary>
/// <param name="Id">The check's id as written.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Catastrophe">The catastrophe it tests for (<see cref="Comparisons.CatastropheOf"/>), which the summary groups by.</param>
/// <param name="Metric">The compared metric: the gated one, else the kind's first.</param>
/// <param name="Gate">The gate, when the check has one.</param>
/// <param name="LowerIsBetter">Whether a smaller value of the metric is the better one (from the gate, else the metric's direction); null when neither says.</param>
/// <param name="Runs">One run per compared model, in the order written.</param>
public sealed record ComparedCheck(string Id, string Kind, string Catastrophe, string Metric, GateSpec? Gate, bool? LowerIsBetter, IReadOnlyList<ComparisonRun> Runs)
{
    /// <summary>The models whose value is the best of the runs (several on a tie); empty when no direction is known or no value is defined.</summary>
    public IReadOnlyList<string> Best
    {
        get
        {
            var defined = Runs.Where(r => r.Value is not null).ToList();
            if (LowerIsBetter is not { } lower || defined.Count < 2)
            {
                return [];
            }

            var best = lower ? defined.Min(r => r.Value!.Value) : defined.Max(r => r.Value!.Value);
            var winners = defined.Where(r => r.Value == best).Select(r => r.Model).ToList();
            return winners.Count == defined.Count ? [] : winners;
        }
    }
}
