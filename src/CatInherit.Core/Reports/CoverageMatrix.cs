using System.Globalization;
using System.Text;
using System.Text.Json;
using CatInherit.Gating;
using CatInherit.Policy.Schema;

namespace CatInherit.Reports;

/// <summary>
/// What a report opens with: the six catastrophes × (foundation model, downstream model), each cell with its checks and
/// their worst status, or "not tested" — what the model inherited, and what nobody looked at. The worst status orders
/// fail, error, warn, pass, then reported (no gate).
/// </summary>
public static class CoverageMatrix
{
    /// <summary>The sides, in column order.</summary>
    public static IReadOnlyList<ModelSide> Sides { get; } = [ModelSide.Foundation, ModelSide.Downstream];

    /// <summary>Every cell, catastrophe by catastrophe, foundation first.</summary>
    public static IReadOnlyList<CoverageCell> Of(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. Enum.GetValues<Catastrophe>().SelectMany(c => Sides.Select(side =>
            new CoverageCell(c, side, [.. report.Checks.Where(check => check.Taxonomy is { } t && t.Catastrophe == c && t.Side == side)])))];
    }

    /// <summary>The worst of some statuses (fail, error, warn, pass, reported), or null for none.</summary>
    public static CheckStatus? Worst(IEnumerable<CheckStatus> statuses) =>
        statuses.Select(s => (CheckStatus?)s).MaxBy(s => s switch
        {
            CheckStatus.Fail => 5,
            CheckStatus.Error => 4,
            CheckStatus.Warn => 3,
            CheckStatus.Pass => 2,
            _ => 1,
        });

    /// <summary>A cell's status as every format writes it: the worst status's name, or <c>not tested</c>.</summary>
    public static string StatusText(CoverageCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Worst is { } worst ? JsonReportWriter.StatusName(worst) : "not tested";
    }

    /// <summary>A check's <c>taxonomy</c> object in report.json.</summary>
    internal static void WriteJson(Utf8JsonWriter json, CheckTaxonomy? taxonomy)
    {
        if (taxonomy is null)
        {
            return;
        }

        json.WriteStartObject("taxonomy");
        json.WriteString("catastrophe", KindTaxonomy.NameOf(taxonomy.Catastrophe));
        json.WriteString("pillar", KindTaxonomy.NameOf(taxonomy.Pillar));
        json.WriteString("side", KindTaxonomy.NameOf(taxonomy.Side));
        json.WriteEndObject();
    }

    /// <summary>The report's <c>coverage</c> array in report.json: per catastrophe, each side's status (or <c>not_tested</c>) and check ids.</summary>
    internal static void WriteJson(Utf8JsonWriter json, RunReport report)
    {
        var cells = Of(report);
        json.WriteStartArray("coverage");
        foreach (var row in cells.GroupBy(c => c.Catastrophe))
        {
            json.WriteStartObject();
            json.WriteString("catastrophe", KindTaxonomy.NameOf(row.Key));
            foreach (var cell in row)
            {
                json.WriteStartObject(KindTaxonomy.NameOf(cell.Side));
                json.WriteString("status", cell.Worst is { } worst ? JsonReportWriter.StatusName(worst) : "not_tested");
                json.WriteStartArray("checks");
                foreach (var check in cell.Checks)
                {
                    json.WriteStringValue(check.Id);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The Markdown matrix a report.md opens with.</summary>
    internal static string Markdown(RunReport report)
    {
        var md = new StringBuilder("### What the model inherited\n\n| Catastrophe | Foundation model | Downstream model |\n|---|---|---|\n");
        foreach (var row in Of(report).GroupBy(c => c.Catastrophe))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {KindTaxonomy.TitleOf(row.Key)} |");
            foreach (var cell in row)
            {
                md.Append(cell.Worst is { } worst
                    ? $" {MarkdownReportWriter.Icon(worst)} {JsonReportWriter.StatusName(worst)}: {string.Join(", ", cell.Checks.Select(c => $"{ReportText.MarkdownCode(c.Id, inTable: true)} {JsonReportWriter.StatusName(c.Status)}"))} |"
                    : " not tested |");
            }

            md.Append('\n');
        }

        return md.Append('\n').ToString();
    }

    /// <summary>The HTML matrix a report.html opens with.</summary>
    internal static string Html(RunReport report)
    {
        var html = new StringBuilder("<h2 id=\"coverage\">What the model inherited</h2>\n<table class=\"coverage\">\n<tr><th>Catastrophe</th><th>Foundation model</th><th>Downstream model</th></tr>\n");
        foreach (var row in Of(report).GroupBy(c => c.Catastrophe))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{KindTaxonomy.TitleOf(row.Key)}</th>");
            foreach (var cell in row)
            {
                if (cell.Worst is not { } worst)
                {
                    html.Append("<td class=\"untested\">not tested</td>");
                    continue;
                }

                var status = JsonReportWriter.StatusName(worst);
                var checks = string.Join(", ", cell.Checks.Select(c => $"<a href=\"#{ReportText.Html(c.Id)}\">{ReportText.Html(c.Id)}</a> <span class=\"{JsonReportWriter.StatusName(c.Status)}\">{JsonReportWriter.StatusName(c.Status)}</span>"));
                html.Append(CultureInfo.InvariantCulture, $"<td><span class=\"badge {status}\">{status}</span><br>{checks}</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</table>\n").ToString();
    }
}
