using System.Text.Json;
using System.Text.Json.Nodes;
using CatInherit.Reports;

namespace CatInherit.Tests.Support;

/// <summary>
/// A real run whose group values, sensitive column name and class labels are hostile: script tags, an SVG
/// break-out with an event handler, a CDATA end, NUL and ESC, pipes, a line break and a very long value.
/// </summary>
public static class HostileReport
{
    public const string Column = "<script>console.error('xss-column')</script>";
    public const string Positive = "<b>approve</b>";
    public const string Negative = "]]>deny|x";

    public static readonly string[] Groups =
    [
        "<script>console.error('xss-1')</script>",
        "</svg><img src=x onerror=console.error('xss-2')>",
        "]]><x>",
        "nul\0esc\u001B[31m|pipe|",
        "line1\nline2 | [link](javascript:x) *em* `code`",
        new string('w', 3000) + "<b>long</b>",
    ];

    public static RunReport Run(TempFolder folder)
    {
        var rows = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            // Group 5 (the long value) gets a single row, so a warning quotes it too.
            var group = i == 23 ? Groups[5] : Groups[i % 5];
            var label = i % 2 == 0 ? Positive : Negative;
            // The script group is never selected and the NUL/ESC group always: the failure message quotes both.
            var pred = group == Groups[0] ? Negative : group == Groups[3] || i % 3 != 0 ? Positive : Negative;
            rows.Add(JsonSerializer.Serialize(new Dictionary<string, string> { ["label"] = label, ["pred"] = pred, [Column] = group, ["region"] = i % 4 < 2 ? "north" : "south" }));
        }

        folder.Write("hostile.jsonl", string.Join("\n", rows) + "\n");
        var policy = folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              d: { path: hostile.jsonl, label: label, prediction: pred }
            checks:
              - id: hostile-parity
                kind: group-fairness
                dataset: d
                sensitive: {{JsonSerializer.Serialize(Column)}}
                positive_label: {{JsonSerializer.Serialize(Positive)}}
                gate: { metric: demographic_parity_difference, max: 0.01 }
                resamples: 50
              - id: hostile-intersections
                kind: group-fairness
                dataset: d
                sensitive: [{{JsonSerializer.Serialize(Column)}}, region]
                positive_label: {{JsonSerializer.Serialize(Positive)}}
                min_group_size: 3
                gate: { metric: worst_group_accuracy, min: 0.1 }
                resamples: 0
              - { id: hostile-classes, kind: long-tail, dataset: d, resamples: 0, gate: { metric: worst_class_recall, min: 0.9 } }
              - id: hostile-slices
                kind: slices
                dataset: d
                columns: [{{JsonSerializer.Serialize(Column)}}, region]
                min_support: 2
                alpha: 0.99
            """);
        var report = PolicyRun.RunFile(policy).Report ?? throw new InvalidOperationException("the hostile policy should run");

        // Word attributions of a hostile text, as a run writes them into a check's details (a run needs a text model).
        var text = string.Join(" ", Groups.Take(5)) + " " + Positive;
        var words = CatInherit.Probes.Interpret.SliceFeatures.Word().Matches(text).Select((m, i) => (JsonNode)new JsonObject { ["word"] = m.Value, ["start"] = m.Index, ["importance"] = i % 3 == 0 ? -0.1 * i : 0.05 * i }).ToArray();
        var attribution = new JsonObject
        {
            ["example"] = Groups[1],
            ["text"] = text,
            ["class"] = Positive,
            ["probability"] = 0.75,
            ["words"] = new JsonArray(words),
            ["top_k"] = 1,
            ["top_words"] = new JsonArray(words[1]!["word"]!.DeepClone()),
            ["comprehensiveness"] = 0.5,
            ["sufficiency"] = 0.25,
        };
        var first = report.Checks[0];
        var details = first.Details?.DeepClone().AsObject() ?? [];
        details["attributions"] = new JsonArray(attribution);
        return new RunReport { Policy = report.Policy, Seed = report.Seed, Models = report.Models, Checks = [first with { Details = details }, .. report.Checks.Skip(1)] };
    }
}
