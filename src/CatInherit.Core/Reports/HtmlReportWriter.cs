using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Policy.Schema;
using CatInherit.Probes;

namespace CatInherit.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained file — summary, a table per check, and the figures each check kind
/// declares (<see cref="CheckKindDescriptor.Plots"/>: per-group bars, ROC curves) as inline SVG. No script, no external resource.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:72rem;color:#1f2328;padding:0 1rem}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
        table{border-collapse:collapse;margin:.6rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#1a7f37}.fail,.error{color:#cf222e}.warn{color:#9a6700}.reported{color:#59636e}.badge{font-weight:600;text-transform:uppercase}
        .muted{color:#59636e}.plots{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}figcaption{font-size:12px;color:#59636e}
        """;

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string FileName => "report.html";

    /// <inheritdoc />
    public void Write(RunReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CatInherit report</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>CatInherit: <span class=\"{(report.Passed ? "pass" : "fail")}\">{(report.Passed ? "passed" : "failed")}</span></h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(report.Summary)} · policy <code>{E(report.Policy)}</code> · seed {report.Seed}</p>\n");
        foreach (var model in report.Models)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">model <b>{E(model.Name)}</b> <code>{E(model.Path)}</code> on {E(model.Provider)}{(model.ProviderNote is { } note ? $" ({E(note)})" : string.Empty)} · sha256 <code>{E(model.Sha256[..12])}…</code></p>\n");
        }

        // With several models, each row says which one the check ran on.
        var byModel = report.Models.Count > 1;
        html.Append(CultureInfo.InvariantCulture, $"<table>\n<tr><th>Status</th><th>Check</th><th>Kind</th>{(byModel ? "<th>Model</th>" : string.Empty)}<th>Gate</th><th>Value</th><th>Interval</th><th>n</th></tr>\n");
        foreach (var check in report.Checks)
        {
            var (gate, value, interval) = SummaryRow.Of(check);
            var model = byModel ? $"<td>{(check.Models.Count == 0 ? "—" : E(string.Join(", ", check.Models.Select(m => m.Name))))}</td>" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"badge {Status(check.Status)}\">{Status(check.Status)}</td><td><a href=\"#{E(check.Id)}\">{E(check.Id)}</a></td><td>{E(check.Kind)}</td>{model}<td>{E(gate)}</td><td class=\"n\">{value}</td><td>{interval}</td><td class=\"n\">{check.Count}</td></tr>\n");
        }

        html.Append("</table>\n");
        WriteComparisons(html, report);
        foreach (var check in report.Checks)
        {
            WriteCheck(html, check);
        }

        html.Append("</body>\n</html>\n");
        output.Write(Encoding.UTF8.GetBytes(html.ToString()));
    }

    /// <summary>Each compared check as one table (a row per model), then the tally per catastrophe.</summary>
    private static void WriteComparisons(StringBuilder html, RunReport report)
    {
        var compared = report.Compared;
        if (compared.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"models-compared\">Models compared</h2>\n");
        foreach (var check in compared)
        {
            var better = check.LowerIsBetter switch { true => "lower is better", false => "higher is better", _ => "no direction" };
            html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(check.Id)}</b> ({E(check.Kind)}): {E(check.Metric)}, {better}</p>\n<table>\n<tr><th>Model</th><th>Status</th><th>{E(check.Metric)}</th><th>Interval</th><th>n</th></tr>\n");
            foreach (var run in check.Runs)
            {
                var mark = check.Best.Contains(run.Model, StringComparer.Ordinal) ? " (best)" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{E(run.Id)}\">{E(run.Model)}</a>{mark}</td><td class=\"badge {Status(run.Status)}\">{Status(run.Status)}</td><td class=\"n\">{(run.Value is { } v ? Numbers.Format(v) : "—")}</td><td>{(run.Interval is { } iv ? Numbers.Format(iv) : "—")}</td><td class=\"n\">{run.Count}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        var summary = report.ComparisonSummary;
        var models = summary.SelectMany(c => c.Models.Select(t => t.Model)).Distinct(StringComparer.Ordinal).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<p>Per catastrophe: failed / warned / best value, of the compared checks</p>\n<table>\n<tr><th>Catastrophe</th>{string.Concat(models.Select(m => $"<th>{E(m)}</th>"))}<th>Passes on less</th></tr>\n");
        foreach (var catastrophe in summary)
        {
            var cells = models.Select(m => catastrophe.Models.FirstOrDefault(t => t.Model == m) is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.Failed} / {t.Warned} / {t.Best} of {t.Checks}") : "—");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(catastrophe.Catastrophe)}</td>{string.Concat(cells.Select(c => $"<td>{c}</td>"))}<td>{(catastrophe.PassesOnLess is { } leader ? E(leader) : "tie")}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void WriteCheck(StringBuilder html, CheckReport check)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{E(check.Id)}\"><span class=\"badge {Status(check.Status)}\">{Status(check.Status)}</span> {E(check.DisplayName)}</h2>\n<p>{E(check.Message)}</p>\n");
        foreach (var model in check.Models)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">model <b>{E(model.Name)}</b> <code>{E(model.Path)}</code> · sha256 <code>{E(model.Sha256)}</code> · {E(model.Provider)}</p>\n");
        }

        if (check.Metrics.Count > 0)
        {
            html.Append("<table>\n<tr><th>Metric</th><th>Value</th><th>Interval</th></tr>\n");
            foreach (var metric in check.Metrics)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(metric.Name)}</td><td class=\"n\">{Numbers.Format(metric.Value)}</td><td>{(check.IntervalOf(metric.Name) is { } iv ? Numbers.Format(iv) : "—")}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        // The kind declares its figures; the writer only draws them.
        var plots = new StringBuilder();
        foreach (var plot in CheckKinds.Catalog.Find(check.Kind)?.Plots ?? [])
        {
            plots.Append(plot switch
            {
                GroupBarsPlot groupBars => GroupBars(check, groupBars),
                RocPlot rocPlot => Roc(check, rocPlot),
                _ => string.Empty,
            });
        }

        if (plots.Length > 0)
        {
            html.Append("<div class=\"plots\">").Append(plots).Append("</div>\n");
        }

        if (check.Undefined.Count + check.Warnings.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var (name, reason) in check.Undefined)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(name)} is undefined: {E(reason)}</li>\n");
            }

            foreach (var warning in check.Warnings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"warn\">warning: {E(warning)}</li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    private static string Bars(string metric, List<(string Label, double Value)> bars)
    {
        const int width = 420, left = 150, barHeight = 18, gap = 6;
        var height = (bars.Count * (barHeight + gap)) + 24;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(metric)} per group\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 4 + (i * (barHeight + gap));
            var length = Math.Clamp(bars[i].Value, 0, 1) * (width - left - 50);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 13}\" font-size=\"12\" text-anchor=\"end\">{E(Truncate(bars[i].Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{length:0.##}\" height=\"{barHeight}\" fill=\"#0969da\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + length + 4:0.##}\" y=\"{y + 13}\" font-size=\"12\">{Numbers.Format(bars[i].Value)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"0\" x2=\"{left}\" y2=\"{height - 20}\" stroke=\"#59636e\"/></svg><figcaption>{E(metric)} per group (0 to 1)</figcaption></figure>");
        return svg.ToString();
    }

    private static string RocCurve(string title, List<(double Fpr, double Tpr)> points, double? auc)
    {
        const int size = 260, pad = 30;
        var plot = size - (2 * pad);
        string X(double fpr) => (pad + (fpr * plot)).ToString("0.##", CultureInfo.InvariantCulture);
        string Y(double tpr) => (size - pad - (tpr * plot)).ToString("0.##", CultureInfo.InvariantCulture);
        var path = string.Join(" ", points.Select(p => $"{X(p.Fpr)},{Y(p.Tpr)}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\"{E(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"{pad}\" width=\"{plot}\" height=\"{plot}\" fill=\"none\" stroke=\"#d0d7de\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" stroke=\"#d0d7de\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{size / 2}\" y=\"{size - 6}\" font-size=\"11\" text-anchor=\"middle\">false positive rate</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{size / 2}\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 10 {size / 2})\">true positive rate</text>");
        if (auc is { } a)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{size - pad - 4}\" y=\"{size - pad - 8}\" font-size=\"12\" text-anchor=\"end\">AUC {Numbers.Format(a)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"</svg><figcaption>{E(title)}</figcaption></figure>");
        return svg.ToString();
    }

    /// <summary>One bar chart per declared metric, from the check's groups.</summary>
    private static string GroupBars(CheckReport check, GroupBarsPlot plot)
    {
        var figures = new StringBuilder();
        foreach (var metric in check.Groups.Count > 0 ? plot.Metrics : [])
        {
            var bars = check.Groups.Select(g => (g.Name, Value: g.Metrics.FirstOrDefault(m => m.Name == metric)?.Value, g.Excluded)).Where(b => b.Value is not null).ToList();
            if (bars.Count > 0)
            {
                figures.Append(Bars(metric, [.. bars.Select(b => (b.Name + (b.Excluded ? " (excluded)" : string.Empty), b.Value!.Value))]));
            }
        }

        return figures.ToString();
    }

    /// <summary>The ROC curve of the details' <c>roc</c> points, when there are at least two.</summary>
    private static string Roc(CheckReport check, RocPlot plot)
    {
        if (check.Details?["roc"] is not JsonArray roc || roc.Count <= 1)
        {
            return string.Empty;
        }

        var auc = check.Metrics.FirstOrDefault(m => m.Name == plot.AucMetric)?.Value;
        return RocCurve(plot.Title, [.. roc.Select(p => (p![0]!.GetValue<double>(), p[1]!.GetValue<double>()))], auc);
    }

    private static string Truncate(string text) => text.Length <= 22 ? text : text[..21] + "…";

    private static string Status(CheckStatus status) => JsonReportWriter.StatusName(status);

    private static string E(string text) => ReportText.Html(text);
}
