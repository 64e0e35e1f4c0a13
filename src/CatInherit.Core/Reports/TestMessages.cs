using System.Globalization;
using System.Text;
using CatInherit.Metrics;

namespace CatInherit.Reports;

/// <summary>What a test shows for a check: status and message first, then every metric with its interval, the gate, n and the details.</summary>
public static class TestMessages
{
    /// <summary>A multi-line description of <paramref name="check"/>.</summary>
    public static string Describe(CheckReport check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{T(check.DisplayName)}: {JsonReportWriter.StatusName(check.Status)} — {T(check.Message)}\n");
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
            text.Append(CultureInfo.InvariantCulture, $"  {name} undefined: {T(reason)}\n");
        }

        foreach (var group in check.Groups)
        {
            var metrics = string.Join(", ", group.Metrics.Select(m => $"{m.Name} {Numbers.Format(m.Value)}"));
            text.Append(CultureInfo.InvariantCulture, $"  group '{T(group.Name)}' (n={group.Count}{(group.Excluded ? ", excluded" : string.Empty)}): {metrics}\n");
        }

        foreach (var warning in check.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  warning: {T(warning)}\n");
        }

        foreach (var line in InterpretationSections.Lines(check))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {T(line)}\n");
        }

        if (check.Details is { } details)
        {
            text.Append(CultureInfo.InvariantCulture, $"  details: {details.ToJsonString()}\n");
        }

        foreach (var model in check.Models)
        {
            text.Append(CultureInfo.InvariantCulture, $"  model {T(model.Name)}: {T(model.Path)} (sha256 {model.Sha256}) on {model.Provider}\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Data quoted in a test message: test runners print it to the console, so control characters are shown as escapes.</summary>
    private static string T(string text) => ReportText.Terminal(text);
}
