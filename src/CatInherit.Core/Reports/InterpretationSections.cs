using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CatInherit.Metrics;

namespace CatInherit.Reports;

/// <summary>
/// How every human-readable format shows where and why a check went wrong, from its details (whatever its kind): the
/// worst slices (<c>details.slices</c>) as a table — with interval bars in HTML — and the token attributions
/// (<c>details.attributions</c>) as text whose words are shaded by importance in HTML (inline styles, no script).
/// </summary>
internal static class InterpretationSections
{
    /// <summary>The CSS the HTML sections use.</summary>
    public const string Style = """
        table.coverage td{min-width:16rem}td.untested{color:#59636e;font-style:italic}
        .attr{margin:.4rem 0 .9rem}.attr p{margin:.15rem 0}.words span{border-radius:3px;padding:0 1px}
        """;

    private const int BarWidth = 160;

    /// <summary>Markdown: the slices table and the attributions list, or an empty string.</summary>
    public static string Markdown(CheckReport check)
    {
        var md = new StringBuilder();
        if (check.Details?["slices"] is JsonObject slices)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### Worst slices\n\n{Escape(Describe(slices))}\n");
            if (slices["found"] is JsonArray { Count: > 0 } found)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n| Slice | n | Error | {Level(slices)} interval | × average | Score |\n|---|---:|---:|---|---:|---:|\n");
                foreach (var slice in found.OfType<JsonObject>())
                {
                    md.Append(CultureInfo.InvariantCulture, $"| {Escape(Text(slice, "slice"))} | {slice["size"]} | {N(slice, "error")} | {Interval(slice)} | {N(slice, "error_ratio")} | {N(slice, "score")} |\n");
                }
            }

            md.Append(CultureInfo.InvariantCulture, $"\n{Escape(Text(slices, "multiple_testing"))}\n");
        }

        if (check.Details?["attributions"] is JsonArray { Count: > 0 } attributions)
        {
            md.Append("\n#### Words behind the predictions\n\nLeave-one-out: a word's importance is how much the class's probability falls without it; comprehensiveness and sufficiency of the top words as in ERASER.\n\n");
            foreach (var example in attributions.OfType<JsonObject>())
            {
                var words = TopWords(example, 5).Select(w => $"{ReportText.MarkdownCode(w.Word)} {Signed(w.Importance)}");
                md.Append(CultureInfo.InvariantCulture, $"- {Escape(Text(example, "example"))}: {ReportText.MarkdownCode(Text(example, "text"))} → class {ReportText.MarkdownCode(Text(example, "class"))} (p = {N(example, "probability")}): {string.Join(", ", words)}; comprehensiveness {N(example, "comprehensiveness")}, sufficiency {N(example, "sufficiency")}\n");
            }
        }

        return md.ToString();
    }

    /// <summary>HTML: the slices table with interval bars and the shaded texts, or an empty string.</summary>
    public static string Html(CheckReport check)
    {
        var html = new StringBuilder();
        if (check.Details?["slices"] is JsonObject slices)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>Worst slices</h3>\n<p class=\"muted\">{E(Describe(slices))}</p>\n");
            var average = slices["average_error"]?.GetValue<double>() ?? 0;
            if (slices["found"] is JsonArray { Count: > 0 } found)
            {
                html.Append(CultureInfo.InvariantCulture, $"<table class=\"slices\">\n<tr><th>Slice</th><th>n</th><th>Error</th><th>{Level(slices)} interval</th><th>× average</th><th>Score</th></tr>\n");
                foreach (var slice in found.OfType<JsonObject>())
                {
                    html.Append(CultureInfo.InvariantCulture,
                        $"<tr><td>{E(Text(slice, "slice"))}</td><td class=\"n\">{slice["size"]}</td><td class=\"n\">{N(slice, "error")}</td><td>{Interval(slice)} {Bar(slice, average)}</td><td class=\"n\">{N(slice, "error_ratio")}</td><td class=\"n\">{N(slice, "score")}</td></tr>\n");
                }

                html.Append("</table>\n");
            }

            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(Text(slices, "multiple_testing"))}</p>\n");
        }

        if (check.Details?["attributions"] is JsonArray { Count: > 0 } attributions)
        {
            html.Append("<h3>Words behind the predictions</h3>\n<p class=\"muted\">Leave-one-out: a word's importance is how much the class's probability falls without it — red pushes toward the class, blue away, darker is more. Comprehensiveness (the drop without the top words) and sufficiency (the drop with only them) as in ERASER.</p>\n");
            foreach (var example in attributions.OfType<JsonObject>())
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"attr\"><p><strong>{E(Text(example, "example"))}</strong> → class <code>{E(Text(example, "class"))}</code> (p = {N(example, "probability")}) · comprehensiveness {N(example, "comprehensiveness")} · sufficiency {N(example, "sufficiency")}</p>\n<p class=\"words\">{Shaded(example)}</p></div>\n");
            }
        }

        return html.ToString();
    }

    /// <summary>Lines for a test's output: the worst slices and each explained text's top words.</summary>
    public static IEnumerable<string> Lines(CheckReport check)
    {
        if (check.Details?["slices"]?["found"] is JsonArray found)
        {
            foreach (var slice in found.OfType<JsonObject>())
            {
                yield return $"slice {Text(slice, "slice")} (n={slice["size"]}): error {N(slice, "error")} {Interval(slice)}, {N(slice, "error_ratio")}× average, score {N(slice, "score")}";
            }
        }

        if (check.Details?["attributions"] is JsonArray attributions)
        {
            foreach (var example in attributions.OfType<JsonObject>())
            {
                var words = string.Join(", ", TopWords(example, 3).Select(w => $"'{w.Word}' {Signed(w.Importance)}"));
                yield return $"words ({Text(example, "example")} → {Text(example, "class")}): {words}; comprehensiveness {N(example, "comprehensiveness")}, sufficiency {N(example, "sufficiency")}";
            }
        }
    }

    private static string Describe(JsonObject slices) => string.Create(CultureInfo.InvariantCulture,
        $"SliceLine over {slices["rows"]} {Text(slices, "searched")} (error: {Text(slices, "error")}), average error {N(slices, "average_error")}; k = {slices["k"]}, at least {slices["min_support"]} rows, α = {N(slices, "alpha")}, up to {slices["max_predicates"]} predicates; {slices["evaluated"]} slices evaluated, {slices["pruned"]} pruned.");

    private static IEnumerable<(string Word, double Importance)> TopWords(JsonObject example, int count) =>
        (example["words"] as JsonArray ?? []).OfType<JsonObject>()
            .Select((w, i) => (Word: Text(w, "word"), Importance: w["importance"]!.GetValue<double>(), Index: i))
            .OrderByDescending(w => Math.Abs(w.Importance)).ThenBy(w => w.Index).Take(count)
            .Select(w => (w.Word, w.Importance));

    /// <summary>The text with each word in a span shaded by its importance (red toward the class, blue away), the rest as it is.</summary>
    private static string Shaded(JsonObject example)
    {
        var text = Text(example, "text");
        var words = (example["words"] as JsonArray ?? []).OfType<JsonObject>().Select(w => (Start: w["start"]!.GetValue<int>(), Word: Text(w, "word"), Importance: w["importance"]!.GetValue<double>())).ToList();
        var scale = words.Count == 0 ? 0 : words.Max(w => Math.Abs(w.Importance));
        var html = new StringBuilder();
        var at = 0;
        foreach (var (start, word, importance) in words)
        {
            if (start < at || start + word.Length > text.Length)
            {
                continue;
            }

            html.Append(E(text[at..start]));
            var alpha = scale > 0 ? 0.08 + (0.67 * Math.Abs(importance) / scale) : 0;
            var colour = importance >= 0 ? "207,34,46" : "9,105,218";
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"background:rgba({colour},{alpha:0.##})\" title=\"{Signed(importance)}\">{E(word)}</span>");
            at = start + word.Length;
        }

        return html.Append(E(text[at..])).ToString();
    }

    /// <summary>The interval as a bar on [0, 1]: the interval in blue, the error as a tick, the average error dashed.</summary>
    private static string Bar(JsonObject slice, double average)
    {
        double X(double v) => 2 + (Math.Clamp(v, 0, 1) * (BarWidth - 4));
        var interval = slice["interval"] as JsonArray;
        var (lo, hi) = (interval?[0]?.GetValue<double>() ?? 0, interval?[1]?.GetValue<double>() ?? 0);
        var error = slice["error"]?.GetValue<double>() ?? 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{BarWidth}\" height=\"14\" role=\"img\" aria-label=\"error {Numbers.Format(error)} in {Numbers.Format(new Interval(lo, hi))}, average {Numbers.Format(average)}, on 0 to 1\"><rect x=\"2\" y=\"6\" width=\"{BarWidth - 4}\" height=\"2\" fill=\"#d0d7de\"/><rect x=\"{X(lo):0.##}\" y=\"3\" width=\"{Math.Max(1, X(hi) - X(lo)):0.##}\" height=\"8\" fill=\"#0969da\" fill-opacity=\"0.35\"/><line x1=\"{X(error):0.##}\" y1=\"1\" x2=\"{X(error):0.##}\" y2=\"13\" stroke=\"#cf222e\" stroke-width=\"2\"/><line x1=\"{X(average):0.##}\" y1=\"0\" x2=\"{X(average):0.##}\" y2=\"14\" stroke=\"#59636e\" stroke-dasharray=\"2 2\"/></svg>");
    }

    private static string Level(JsonObject slices) => Numbers.Format((slices["confidence"]?.GetValue<double>() ?? 0.95) * 100) + "%";

    private static string Interval(JsonObject slice) =>
        slice["interval"] is JsonArray { Count: 2 } i ? Numbers.Format(new Interval(i[0]!.GetValue<double>(), i[1]!.GetValue<double>())) : "—";

    private static string N(JsonObject node, string key) => node[key] is JsonValue v && v.TryGetValue<double>(out var d) ? Numbers.Format(d) : "—";

    private static string Signed(double value) => (value >= 0 ? "+" : "−") + Numbers.Format(Math.Abs(value));

    private static string Text(JsonObject node, string key) => node[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;

    private static string E(string text) => ReportText.Html(text);

    private static string Escape(string text) => ReportText.Markdown(text);
}
