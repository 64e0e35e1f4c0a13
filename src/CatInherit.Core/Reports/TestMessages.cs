using System.Globalization;
using System.Text;
using CatInherit.Metrics;

namespace CatInherit.Reports;

/// <summary>What a test shows for a check: status and message first, then every metric with its interval, the gate, n and the details.</summary>
public static class TestMessages
{
    /// <summary>A multi-line description of <paramref name="check"/>.</summary>
    public static string Describe(CheckReport check, RunReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{check.DisplayName}: {JsonReportWriter.StatusName(check.Status)} — {check.Message}\n");
        if (check.Gate is { } gate)
        {
            var interval = check.IntervalOf(gate.Gate.Metric) is { } iv ? $" {Numbers.Format(iv)}" : string.Empty;
            var value = gate.Value is { } v ? Numbers.Format(v) : "undefined";
            text.Append(CultureInfo.InvariantCulture, $"gate: {gate.Gate.Metric} = {value}{interval}, {gate.Gate.OpName} {Numbers.Format(gate.Gate.Threshold)}, n = {check.Count}\n");
        }

        foreach (var metric in check.Metrics)
        {
            var interval = check.IntervalOf(metric.Name) is { } iv ? $" {Numbers.Format(iv)}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  {metric.Name} = {Numbers.Format(metric.Value)}{interval}\n");
        }

        foreach (var (name, reason) in check.Undefined)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name} undefined: {reason}\n");
        }

        foreach (var group in check.Groups)
        {
            var metrics = string.Join(", ", group.Metrics.Select(m => $"{m.Name} {Numbers.Format(m.Value)}"));
            text.Append(CultureInfo.InvariantCulture, $"  group '{group.Name}' (n={group.Count}{(group.Excluded ? ", excluded" : string.Empty)}): {metrics}\n");
        }

        foreach (var warning in check.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  warning: {warning}\n");
        }

        if (check.Details is { } details)
        {
            text.Append(CultureInfo.InvariantCulture, $"  details: {details.ToJsonString()}\n");
        }

        if (report?.Model is { } model)
        {
            text.Append(CultureInfo.InvariantCulture, $"  model {model.Path} on {model.Provider}\n");
        }

        return text.ToString().TrimEnd('\n');
    }
}
