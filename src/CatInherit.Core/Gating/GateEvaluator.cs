using System.Globalization;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Reports;

namespace CatInherit.Gating;

/// <summary>
/// Decides a check's status from its gate. <c>decide: point</c>: the value decides. <c>decide: interval</c>:
/// a failing value still fails; a passing value whose interval reaches past the threshold warns.
/// </summary>
internal static class GateEvaluator
{
    public static CheckReport Evaluate(CheckSpec check, ProbeResult result)
    {
        var metrics = result.Metrics.Where(m => !double.IsNaN(m.Value)).Select(m => new MetricValue(m.Key, m.Value)).ToList();
        var n = string.Create(CultureInfo.InvariantCulture, $"n={result.Count}");
        var (status, message, gateValue) = Decide(check, result, n);
        var report = new CheckReport
        {
            Id = check.Id,
            Kind = check.Kind,
            Status = status,
            Count = result.Count,
            Metrics = metrics,
            Intervals = result.Intervals,
            Gate = check.Gate is null ? null : new GateResult(check.Gate, gateValue),
            Groups = result.Groups,
            Undefined = result.Undefined,
            Warnings = result.Warnings,
            Details = result.Details,
            Message = message,
            Location = check.Location,
        };

        return Baselines.Apply(check, report);
    }

    private static (CheckStatus Status, string Message, double? Value) Decide(CheckSpec check, ProbeResult result, string n)
    {
        if (check.Gate is not { } gate)
        {
            return (CheckStatus.Reported, $"no gate; metrics reported only ({n})", null);
        }

        var value = result.Metrics.First(m => m.Key == gate.Metric).Value;
        if (double.IsNaN(value))
        {
            var reason = result.Undefined.FirstOrDefault(u => u.Key == gate.Metric).Value ?? "it cannot be computed on this data";
            return (CheckStatus.Error, $"{gate.Metric} is undefined: {reason} ({n})", null);
        }

        var interval = result.Intervals.FirstOrDefault(i => i.Key == gate.Metric) is { Key: not null } pair ? pair.Value : (Metrics.Interval?)null;
        var shown = interval is { } iv ? $"{Numbers.Format(value)} {Numbers.Format(iv)}" : Numbers.Format(value);
        var limit = $"{gate.OpName} {Numbers.Format(gate.Threshold)}";
        var explanation = result.Explain(gate.Metric) is { } detail ? $"; {detail}" : string.Empty;
        if (!gate.Passes(value))
        {
            var verb = gate.Op == GateOp.Max ? "exceeds" : "is below";
            return (CheckStatus.Fail, $"{gate.Metric} {shown} {verb} {limit} ({n}){explanation}", value);
        }

        if (check.Decide == DecideMode.Interval && interval is { } crossing && !(gate.Passes(crossing.Lower) && gate.Passes(crossing.Upper)))
        {
            var level = Numbers.Format(check.Confidence * 100);
            return (CheckStatus.Warn, $"{gate.Metric} {Numbers.Format(value)} is within {limit} but its {level}% interval {Numbers.Format(crossing)} crosses it ({n}){explanation}", value);
        }

        return (CheckStatus.Pass, $"{gate.Metric} {shown} meets {limit} ({n})", value);
    }
}
