using System.Globalization;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Settings;

namespace CatInherit.Gating;

/// <summary>
/// Decides a check's status from its gate. <c>decide: point</c>: the value decides. <c>decide: interval</c>:
/// a failing value still fails; a passing value whose interval reaches past the threshold warns.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>The check's verdict: its gate decided, then its baseline (when declared) applied.</summary>
    public static Verdict Evaluate(CheckSpec check, ProbeResult result, BaselineMode baselines = BaselineMode.Review)
    {
        var n = string.Create(CultureInfo.InvariantCulture, $"n={result.Count}");
        var (status, message, gateValue) = Decide(check, result, n);
        var verdict = new Verdict(status, message, check.Gate is null ? null : new GateResult(check.Gate, gateValue), []);
        return Baselines.Apply(check, result, verdict, baselines);
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
