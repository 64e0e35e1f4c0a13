using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Reports;

namespace CatInherit.Mitigation;

/// <summary>
/// The before/after report in each format: <c>mitigation.json</c> (schema <c>catinherit-mitigation/1</c>, always),
/// <c>mitigation.md</c>, <c>mitigation.junit.xml</c> (one testcase per mitigation and check) and <c>mitigation.html</c>.
/// Every check's full before and after reports are written beside it by the ordinary writers.
/// </summary>
public static class MitigationReportWriter
{
    /// <summary>Writes the comparison in JSON plus each format of <paramref name="writers"/> into <paramref name="directory"/>; returns the file names.</summary>
    public static IReadOnlyList<string> Write(MitigationReport report, string directory, IEnumerable<IReportWriter> writers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        var formats = writers.Select(w => w.Format).Prepend("json").Distinct().ToList();
        var names = new List<string>();
        foreach (var format in formats)
        {
            var (name, text) = Render(report, format);
            File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
            names.Add(name);
        }

        return names;
    }

    /// <summary>The comparison in one format (json, md, junit or html): its file name and text.</summary>
    public static (string FileName, string Text) Render(MitigationReport report, string format) => format switch
    {
        "json" => ("mitigation.json", Json(report)),
        "md" => ("mitigation.md", Markdown(report)),
        "junit" => ("mitigation.junit.xml", Junit(report)),
        "html" => ("mitigation.html", Html(report)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };

    private static string N(double? value) => Mitigator.Number(value);

    private static string I(Interval? interval) => interval is { } i ? $"[{N(i.Lower)}, {N(i.Upper)}]" : "–";

    private static string S(CheckStatus status) => JsonReportWriter.StatusName(status);

    private static string Json(MitigationReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", MitigationReport.SchemaId);
            json.WriteString("catinherit_version", report.Before.CatInheritVersion);
            json.WriteString("policy", report.Policy);
            json.WriteBoolean("passed", report.Passed);
            json.WriteNumber("seed", report.Seed);
            json.WriteStartArray("mitigations");
            foreach (var m in report.Mitigations)
            {
                json.WriteStartObject();
                json.WriteString("id", m.Id);
                json.WriteString("method", m.Method);
                json.WriteBoolean("passed", m.Passed);
                json.WriteStringOrNull("fit", m.FitDataset);
                json.WriteStrings("files", m.Files);
                json.WriteStartArray("fits");
                foreach (var f in m.Fits)
                {
                    json.WriteStartObject();
                    json.WriteStringOrNull("model", f.Model);
                    json.WritePropertyName("values");
                    f.Values.WriteTo(json);
                    json.WriteStrings("warnings", f.Warnings);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("checks");
                foreach (var c in m.Comparisons)
                {
                    json.WriteStartObject();
                    json.WriteString("id", c.Id);
                    json.WriteString("kind", c.Kind);
                    json.WriteBoolean("gated", c.Gated);
                    json.WriteStringOrNull("metric", c.Metric);
                    json.WriteString("direction", c.Direction switch { Policy.Schema.MetricDirection.HigherIsWorse => "higher_is_worse", Policy.Schema.MetricDirection.LowerIsWorse => "lower_is_worse", _ => "neutral" });
                    WriteSide(json, "before", c.Before, c.BeforeInterval, c.StatusBefore);
                    WriteSide(json, "after", c.After, c.AfterInterval, c.StatusAfter);
                    json.WriteNumberOrNull("delta", c.Delta);
                    json.WriteStrings("worse_groups", c.WorseGroups);
                    json.WriteStringOrNull("worse", c.Worse);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("abstention");
                foreach (var a in m.Abstention)
                {
                    json.WriteStartObject();
                    json.WriteString("dataset", a.Dataset);
                    json.WriteNumber("rows", a.Rows);
                    json.WriteNumberOrNull("abstain_rate", a.AbstainRate);
                    json.WriteNumberOrNull("accuracy", a.Accuracy);
                    json.WriteNumberOrNull("accepted_accuracy", a.AcceptedAccuracy);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteSide(Utf8JsonWriter json, string name, double? value, Interval? interval, CheckStatus status)
    {
        json.WriteStartObject(name);
        json.WriteNumberOrNull("value", value);
        if (interval is { } i)
        {
            json.WriteStartArray("interval");
            json.WriteNumberValue(i.Lower);
            json.WriteNumberValue(i.Upper);
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("interval");
        }

        json.WriteString("status", S(status));
        json.WriteEndObject();
    }

    private static string Verdict(CheckComparison c) => c.Worse is not null ? "worse" : !c.Gated ? "reported" : c.Delta is { } d && d != 0 ? "ok" : "same";

    private static string Markdown(MitigationReport report)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## CatInherit mitigate: {(report.Passed ? "passed" : "failed")}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Policy {ReportText.MarkdownCode(report.Policy)} · seed {report.Seed} · before: {report.Before.Summary}\n");
        foreach (var m in report.Mitigations)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {ReportText.MarkdownCode(m.Id)} ({m.Method}): {(m.Passed ? "passed" : "failed")}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Fitted on {(m.FitDataset is { } fit ? ReportText.MarkdownCode(fit) : "its word pairs")}; wrote {(m.Files.Count == 0 ? "no file" : string.Join(", ", m.Files.Select(f => ReportText.MarkdownCode(f))))}; after: {m.After.Summary}.\n\n");
            foreach (var f in m.Fits)
            {
                md.Append(CultureInfo.InvariantCulture, $"- fit{(f.Model is { } model ? $" for {ReportText.MarkdownCode(model)}" : string.Empty)}: {ReportText.MarkdownCode(f.Values.ToJsonString())}\n");
                foreach (var warning in f.Warnings)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- warning: {ReportText.Markdown(warning)}\n");
                }
            }

            md.Append("\n| Check | Metric | Before | Interval | After | Interval | Δ | Status | Verdict |\n|---|---|---:|---|---:|---|---:|---|---|\n");
            foreach (var c in m.Comparisons)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {ReportText.MarkdownCode(c.Id, inTable: true)} | {c.Metric ?? "–"} | {N(c.Before)} | {I(c.BeforeInterval)} | {N(c.After)} | {I(c.AfterInterval)} | {N(c.Delta)} | {S(c.StatusBefore)} → {S(c.StatusAfter)} | {Verdict(c)} |\n");
            }

            foreach (var c in m.Comparisons.Where(c => c.Worse is not null))
            {
                md.Append(CultureInfo.InvariantCulture, $"\n- {ReportText.MarkdownCode(c.Id)}: {ReportText.Markdown(c.Worse!)}");
            }

            if (m.Abstention.Count > 0)
            {
                md.Append("\n\n| Dataset | Rows | Abstains | Accuracy (all) | Accuracy (accepted) |\n|---|---:|---:|---:|---:|\n");
                foreach (var a in m.Abstention)
                {
                    md.Append(CultureInfo.InvariantCulture, $"| {ReportText.MarkdownCode(a.Dataset, inTable: true)} | {a.Rows} | {N(a.AbstainRate)} | {N(a.Accuracy)} | {N(a.AcceptedAccuracy)} |\n");
                }
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string Junit(MitigationReport report)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(builder, settings))
        {
            var tests = report.Mitigations.Sum(m => m.Comparisons.Count).ToString(CultureInfo.InvariantCulture);
            var failures = report.Mitigations.Sum(m => m.Comparisons.Count(c => c.Worse is not null)).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "catinherit-mitigate");
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures);
            foreach (var m in report.Mitigations)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", ReportText.Xml($"{m.Id} ({m.Method})"));
                xml.WriteAttributeString("tests", m.Comparisons.Count.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("failures", m.Comparisons.Count(c => c.Worse is not null).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                foreach (var c in m.Comparisons)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", ReportText.Xml($"mitigate.{m.Id}"));
                    xml.WriteAttributeString("name", ReportText.Xml($"{c.Kind}: {c.Id}"));
                    var line = $"{c.Metric ?? "–"}: {N(c.Before)} {I(c.BeforeInterval)} → {N(c.After)} {I(c.AfterInterval)}, Δ {N(c.Delta)}; {S(c.StatusBefore)} → {S(c.StatusAfter)}";
                    if (c.Worse is { } worse)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", ReportText.Xml(worse));
                        xml.WriteString(ReportText.Xml(line));
                        xml.WriteEndElement();
                    }
                    else
                    {
                        xml.WriteElementString("system-out", ReportText.Xml(line));
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + builder + "\n";
    }

    private static string Html(MitigationReport report)
    {
        static string E(string text) => ReportText.Html(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CatInherit mitigation report</title>\n<style>");
        html.Append("body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1f2328;padding:0 1rem}table{border-collapse:collapse;margin:.6rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left}th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.pass,.ok{color:#1a7f37}.fail,.worse{color:#cf222e}.muted{color:#59636e}");
        html.Append("</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>CatInherit mitigate: <span class=\"{(report.Passed ? "pass" : "fail")}\">{(report.Passed ? "passed" : "failed")}</span></h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">policy <code>{E(report.Policy)}</code> · seed {report.Seed} · before: {E(report.Before.Summary)}</p>\n");
        foreach (var m in report.Mitigations)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2><code>{E(m.Id)}</code> ({E(m.Method)}): <span class=\"{(m.Passed ? "pass" : "fail")}\">{(m.Passed ? "passed" : "failed")}</span></h2>\n");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">fitted on {(m.FitDataset is { } fit ? $"<code>{E(fit)}</code>" : "its word pairs")} · files: {E(string.Join(", ", m.Files))} · after: {E(m.After.Summary)}</p>\n");
            foreach (var f in m.Fits)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>fit{(f.Model is { } model ? $" for <code>{E(model)}</code>" : string.Empty)}: <code>{E(f.Values.ToJsonString())}</code></p>\n");
            }

            html.Append("<table>\n<tr><th>Check</th><th>Metric</th><th>Before</th><th>Interval</th><th>After</th><th>Interval</th><th>Δ</th><th>Status</th><th>Verdict</th></tr>\n");
            foreach (var c in m.Comparisons)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(c.Id)}</code></td><td>{E(c.Metric ?? "–")}</td><td class=\"n\">{N(c.Before)}</td><td>{I(c.BeforeInterval)}</td><td class=\"n\">{N(c.After)}</td><td>{I(c.AfterInterval)}</td><td class=\"n\">{N(c.Delta)}</td><td>{S(c.StatusBefore)} → {S(c.StatusAfter)}</td><td class=\"{Verdict(c)}\" title=\"{E(c.Worse ?? string.Empty)}\">{Verdict(c)}</td></tr>\n");
            }

            html.Append("</table>\n");
            if (m.Abstention.Count > 0)
            {
                html.Append("<table>\n<tr><th>Dataset</th><th>Rows</th><th>Abstains</th><th>Accuracy (all)</th><th>Accuracy (accepted)</th></tr>\n");
                foreach (var a in m.Abstention)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(a.Dataset)}</code></td><td class=\"n\">{a.Rows}</td><td class=\"n\">{N(a.AbstainRate)}</td><td class=\"n\">{N(a.Accuracy)}</td><td class=\"n\">{N(a.AcceptedAccuracy)}</td></tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
