using System.Globalization;
using System.Text;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Model;

namespace CatInherit.Reports;

/// <summary><c>report.md</c>: a summary table fit for <c>$GITHUB_STEP_SUMMARY</c>, then per-group details.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public string FileName => "report.md";

    /// <inheritdoc />
    public void Write(RunReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## CatInherit: {(report.Passed ? "passed" : "failed")} ({report.Summary})\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Policy {ReportText.MarkdownCode(report.Policy)} · seed {report.Seed} · ");
        md.Append(report.Models.Count switch
        {
            0 => "predictions from the datasets\n\n",
            1 => $"model {Describe(report.Models[0])}\n\n",
            _ => $"models:\n\n{string.Concat(report.Models.Select(m => $"- {Describe(m)}\n"))}\n",
        });

        // With several models, each row says which one the check ran on.
        var byModel = report.Models.Count > 1;
        md.Append(byModel ? "| Status | Check | Kind | Model | Gate | Value | Interval | n |\n" : "| Status | Check | Kind | Gate | Value | Interval | n |\n");
        md.Append(byModel ? "|---|---|---|---|---|---:|---|---:|\n" : "|---|---|---|---|---:|---|---:|\n");
        foreach (var check in report.Checks)
        {
            var (gate, value, interval) = SummaryRow.Of(check);
            var model = byModel ? $" {(check.Models.Count == 0 ? "—" : string.Join(", ", check.Models.Select(m => ReportText.MarkdownCode(m.Name, inTable: true))))} |" : string.Empty;
            md.Append(CultureInfo.InvariantCulture, $"| {Icon(check.Status)} {JsonReportWriter.StatusName(check.Status)} | {ReportText.MarkdownCode(check.Id, inTable: true)} | {check.Kind} |{model} {gate} | {value} | {interval} | {check.Count} |\n");
        }

        WriteComparisons(md, report);
        foreach (var check in report.Checks)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {Icon(check.Status)} {Escape(check.DisplayName)}\n\n{Escape(check.Message)}\n");
            foreach (var model in check.Models)
            {
                md.Append(CultureInfo.InvariantCulture, $"\nModel {Describe(model)}\n");
            }

            if (check.Metrics.Count > 0)
            {
                md.Append("\n| Metric | Value | Interval |\n|---|---:|---|\n");
                foreach (var metric in check.Metrics)
                {
                    var interval = check.IntervalOf(metric.Name) is { } iv ? Numbers.Format(iv) : "—";
                    md.Append(CultureInfo.InvariantCulture, $"| {metric.Name} | {Numbers.Format(metric.Value)} | {interval} |\n");
                }
            }

            if (check.Groups.Count > 0)
            {
                var names = check.Groups.SelectMany(g => g.Metrics.Select(m => m.Name)).Distinct().ToList();
                md.Append(CultureInfo.InvariantCulture, $"\n| Group | n | {string.Join(" | ", names)} |\n|---|---:|{string.Concat(names.Select(_ => "---:|"))}\n");
                foreach (var group in check.Groups)
                {
                    var cells = names.Select(n => group.Metrics.FirstOrDefault(m => m.Name == n) is { } m ? Numbers.Format(m.Value) : "—");
                    var label = group.Excluded ? $"{Escape(group.Name)} (excluded)" : Escape(group.Name);
                    md.Append(CultureInfo.InvariantCulture, $"| {label} | {group.Count} | {string.Join(" | ", cells)} |\n");
                }
            }

            foreach (var (name, reason) in check.Undefined)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n- {Escape(name)} is undefined: {Escape(reason)}");
            }

            foreach (var warning in check.Warnings)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n- warning: {Escape(warning)}");
            }

            if (check.Undefined.Count + check.Warnings.Count > 0)
            {
                md.Append('\n');
            }
        }

        var bytes = Encoding.UTF8.GetBytes(md.ToString());
        output.Write(bytes);
    }

    /// <summary>Each compared check as one table (a row per model), then the tally per catastrophe.</summary>
    private static void WriteComparisons(StringBuilder md, RunReport report)
    {
        var compared = report.Compared;
        if (compared.Count == 0)
        {
            return;
        }

        md.Append("\n### Models compared\n");
        foreach (var check in compared)
        {
            var better = check.LowerIsBetter switch { true => "lower is better", false => "higher is better", _ => "no direction" };
            var gate = check.Gate is { } g ? $" · gate {g.Metric} {(g.Op == Policy.GateOp.Max ? "≤" : "≥")} {Numbers.Format(g.Threshold)}" : string.Empty;
            md.Append(CultureInfo.InvariantCulture, $"\n{ReportText.MarkdownCode(check.Id)} ({check.Kind}): {check.Metric}, {better}{gate}\n\n| Model | Status | {check.Metric} | Interval | n |\n|---|---|---:|---|---:|\n");
            foreach (var run in check.Runs)
            {
                var mark = check.Best.Contains(run.Model, StringComparer.Ordinal) ? " (best)" : string.Empty;
                md.Append(CultureInfo.InvariantCulture, $"| {ReportText.MarkdownCode(run.Model, inTable: true)}{mark} | {Icon(run.Status)} {JsonReportWriter.StatusName(run.Status)} | {(run.Value is { } v ? Numbers.Format(v) : "—")} | {(run.Interval is { } iv ? Numbers.Format(iv) : "—")} | {run.Count} |\n");
            }
        }

        var summary = report.ComparisonSummary;
        var models = summary.SelectMany(c => c.Models.Select(t => t.Model)).Distinct(StringComparer.Ordinal).ToList();
        md.Append(CultureInfo.InvariantCulture, $"\nPer catastrophe: failed / warned / best value, of the compared checks\n\n| Catastrophe | {string.Join(" | ", models.Select(m => ReportText.MarkdownCode(m, inTable: true)))} | Passes on less |\n|---|{string.Concat(models.Select(_ => "---|"))}---|\n");
        foreach (var catastrophe in summary)
        {
            var cells = models.Select(m => catastrophe.Models.FirstOrDefault(t => t.Model == m) is { } t ? $"{t.Failed} / {t.Warned} / {t.Best} of {t.Checks}" : "—");
            md.Append(CultureInfo.InvariantCulture, $"| {Escape(catastrophe.Catastrophe)} | {string.Join(" | ", cells)} | {(catastrophe.PassesOnLess is { } leader ? ReportText.MarkdownCode(leader, inTable: true) : "tie")} |\n");
        }
    }

    private static string Icon(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✅",
        CheckStatus.Warn => "⚠️",
        CheckStatus.Reported => "ℹ️",
        _ => "❌",
    };

    private static string Describe(ModelInfo model) =>
        $"{ReportText.MarkdownCode(model.Name)}: {ReportText.MarkdownCode(model.Path)} (sha256 `{model.Sha256}`) on {Escape(model.Provider)}";

    private static string Escape(string text) => ReportText.Markdown(text);
}
