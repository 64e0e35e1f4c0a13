using System.Globalization;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Policy.Schema;
using CatInherit.Probes;
using CatInherit.Reports;

namespace CatInherit.Mitigation;

/// <summary>
/// The mitigation gate. A gated check gets worse when its metric moves the worse way past the original's interval
/// (past the value itself when the check has no interval), or when it becomes undefined; a group of a group check gets
/// worse when a group metric with a direction moves the worse way past the original value's 95% Wilson interval on the
/// group's rows; and a gated check that did not fail before and fails after is worse, even inside the interval.
/// Fairness fixes are known to hurt the groups they aim to protect: the group rule is there to say so.
/// </summary>
internal static class MitigationComparer
{
    private const double Tolerance = 1e-12;

    /// <summary>Group metrics with a direction of their own (the kinds' group rates are otherwise neutral).</summary>
    private static readonly Dictionary<string, MetricDirection> GroupDirections = new(StringComparer.Ordinal)
    {
        ["accuracy"] = MetricDirection.LowerIsWorse,
        ["true_positive_rate"] = MetricDirection.LowerIsWorse,
        ["false_positive_rate"] = MetricDirection.HigherIsWorse,
        ["flip_rate"] = MetricDirection.HigherIsWorse,
        ["failure_rate"] = MetricDirection.HigherIsWorse,
    };

    public static IReadOnlyList<CheckComparison> Compare(RunReport before, RunReport after) =>
        [.. before.Checks.Select(b => Compare(b, after.Checks.First(a => a.Id == b.Id)))];

    internal static CheckComparison Compare(CheckReport before, CheckReport after)
    {
        var metric = before.Gate?.Gate.Metric ?? before.Metrics.FirstOrDefault()?.Name;
        var direction = metric is null ? MetricDirection.Neutral : ProbeRegistry.For(before.Kind).Descriptor.FindMetric(metric)?.Direction ?? MetricDirection.Neutral;
        var valueBefore = metric is null ? null : ValueOf(before, metric);
        var valueAfter = metric is null ? null : ValueOf(after, metric);
        var intervalBefore = metric is null ? null : before.IntervalOf(metric);
        var gated = before.Gate is not null;
        var worseGroups = WorseGroups(before, after);
        string? worse = null;
        if (gated)
        {
            if (valueBefore is not null && valueAfter is null)
            {
                worse = $"{metric} is undefined on the mitigated model";
            }
            else if (valueBefore is { } b && valueAfter is { } a && Beyond(direction, a, intervalBefore?.Lower ?? b, intervalBefore?.Upper ?? b))
            {
                worse = string.Create(CultureInfo.InvariantCulture, $"{metric} got worse beyond the original's {(intervalBefore is null ? "value" : "interval")}: {b:0.####} → {a:0.####}");
            }
            else if (before.Status is not (CheckStatus.Fail or CheckStatus.Error) && after.Status is CheckStatus.Fail or CheckStatus.Error)
            {
                // A move inside the original's interval can still cross the threshold: a fix that makes a gate fail
                // is worse, whatever the noise says.
                var gate = before.Gate!.Gate;
                worse = string.Create(CultureInfo.InvariantCulture, $"{metric} now fails its gate ({gate.OpName} {gate.Threshold:0.####}): {valueBefore:0.####} → {valueAfter:0.####}, {JsonReportWriter.StatusName(before.Status)} → {JsonReportWriter.StatusName(after.Status)}");
            }
            else if (worseGroups.Count > 0)
            {
                worse = $"group(s) got worse: {string.Join("; ", worseGroups)}";
            }
        }

        return new CheckComparison
        {
            Id = before.Id,
            Kind = before.Kind,
            Metric = metric,
            Direction = direction,
            Before = valueBefore,
            BeforeInterval = intervalBefore,
            After = valueAfter,
            AfterInterval = metric is null ? null : after.IntervalOf(metric),
            StatusBefore = before.Status,
            StatusAfter = after.Status,
            Gated = gated,
            WorseGroups = worseGroups,
            Worse = worse,
        };
    }

    private static double? ValueOf(CheckReport check, string metric) => check.Metrics.FirstOrDefault(m => m.Name == metric)?.Value;

    private static bool Beyond(MetricDirection direction, double after, double lower, double upper) => direction switch
    {
        MetricDirection.HigherIsWorse => after > upper + Tolerance,
        MetricDirection.LowerIsWorse => after < lower - Tolerance,
        _ => false,
    };

    private static List<string> WorseGroups(CheckReport before, CheckReport after)
    {
        var result = new List<string>();
        foreach (var group in before.Groups.Where(g => !g.Excluded))
        {
            if (after.Groups.FirstOrDefault(g => g.Name == group.Name) is not { } mitigated)
            {
                continue;
            }

            foreach (var value in group.Metrics)
            {
                var direction = GroupDirections.GetValueOrDefault(value.Name, MetricDirection.Neutral);
                if (direction == MetricDirection.Neutral || mitigated.Metrics.FirstOrDefault(m => m.Name == value.Name) is not { } now)
                {
                    continue;
                }

                var interval = value.Value is >= 0 and <= 1 ? WilsonInterval.Of(value.Value, group.Count) : new Interval(value.Value, value.Value);
                if (Beyond(direction, now.Value, interval.Lower, interval.Upper))
                {
                    result.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Name}: {value.Name} {value.Value:0.####} → {now.Value:0.####}"));
                }
            }
        }

        return result;
    }
}
