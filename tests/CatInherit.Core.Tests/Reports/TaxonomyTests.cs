using System.Text.Json;
using CatInherit.Policy.Schema;
using CatInherit.Probes;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Reports;

/// <summary>The seed's taxonomy: every kind declares its catastrophe and pillar; every report opens with the coverage matrix.</summary>
public sealed class TaxonomyTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> Kinds => [.. CheckKinds.Catalog.Names];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_declares_its_catastrophe_and_pillar(string kind)
    {
        var descriptor = CheckKinds.Catalog.Find(kind)!;

        Assert.True(descriptor.Taxonomy is not null, $"check kind '{kind}' has no Taxonomy: declare the catastrophe it looks for and its pillar in its descriptor (Taxonomy = new(Catastrophe.…, Pillar.…)).");
        Assert.True(Enum.IsDefined(descriptor.Taxonomy.Catastrophe));
        Assert.True(Enum.IsDefined(descriptor.Taxonomy.Pillar));
    }

    [Fact]
    public void Every_catastrophe_is_looked_for_by_some_kind()
    {
        var covered = CheckKinds.Catalog.Kinds.Select(k => k.Taxonomy!.Catastrophe).ToHashSet();

        Assert.All(Enum.GetValues<Catastrophe>(), c => Assert.Contains(c, covered));
    }

    [Fact]
    public void A_check_is_on_the_foundation_side_when_its_model_outputs_an_embedding()
    {
        foreach (var file in new[] { "e.onnx", "c.onnx", "v.txt", "d.csv" })
        {
            folder.Write(file, string.Empty);
        }

        var loaded = CheckKinds.Parse("""
            version: 1
            models:
              encoder: { path: e.onnx, inputs: { text: text, tokenizer: { vocab: v.txt } }, output: { name: h, kind: embedding } }
              classifier: { path: c.onnx, inputs: { text: text, tokenizer: { vocab: v.txt } }, output: { name: logits, kind: logits } }
            datasets:
              reviews: { path: d.csv, label: label, model: classifier }
              encoded: { path: d.csv, label: label, model: encoder }
              own: { path: d.csv, label: label, prediction: pred }
            checks:
              - { id: weat, kind: embedding-association, model: encoder, test: weat6 }
              - { id: values, kind: embedding-association, model: encoder, test: identity-religion }
              - { id: leak-encoder, kind: attribute-inference, dataset: encoded, sensitive: g }
              - { id: leak-classifier, kind: attribute-inference, dataset: reviews, sensitive: g }
              - { id: parity, kind: group-fairness, dataset: own, sensitive: g }
              - { id: slices, kind: slices, dataset: reviews }
            """, folder.File("p.yaml"), folder.Path);
        Assert.True(loaded.Policy is not null, string.Join("\n", loaded.Diagnostics));

        var taxonomy = loaded.Policy.Checks.ToDictionary(c => c.Id, c => CheckTaxonomy.Of(c)!);

        Assert.Equal(new CheckTaxonomy(Catastrophe.Bias, Pillar.Understand, ModelSide.Foundation), taxonomy["weat"]);
        Assert.Equal(new CheckTaxonomy(Catastrophe.ValueMisalignment, Pillar.Understand, ModelSide.Foundation), taxonomy["values"]);
        Assert.Equal(new CheckTaxonomy(Catastrophe.PrivacyLeakage, Pillar.Understand, ModelSide.Foundation), taxonomy["leak-encoder"]);
        Assert.Equal(new CheckTaxonomy(Catastrophe.PrivacyLeakage, Pillar.Understand, ModelSide.Downstream), taxonomy["leak-classifier"]);
        Assert.Equal(new CheckTaxonomy(Catastrophe.Bias, Pillar.Understand, ModelSide.Downstream), taxonomy["parity"]);
        Assert.Equal(new CheckTaxonomy(Catastrophe.DegradedPerformance, Pillar.Interpret, ModelSide.Downstream), taxonomy["slices"]);
    }

    private RunReport Report()
    {
        folder.Write("d.csv", "y,p,sex\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{(i % 3 == 0 ? 1 : 0)},{(i % 4 == 0 ? "f" : "m")}\n")));
        folder.Write("m.csv", "y,p\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{0.5 + (i % 7 / 20.0):0.00}\n")));
        return PolicyRun.RunFile(folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              d: { path: d.csv, label: y, prediction: p }
              m: { path: m.csv, label: y, scores: [p], score_kind: probabilities }
            checks:
              - { id: parity, kind: group-fairness, dataset: d, sensitive: sex, resamples: 0, gate: { metric: demographic_parity_difference, max: 0.05 } }
              - { id: calibrated, kind: calibration, dataset: m, resamples: 0, gate: { metric: ece, max: 1 } }
              - { id: recall, kind: long-tail, dataset: d, resamples: 0 }
            """)).Report!;
    }

    [Fact]
    public void Report_json_carries_each_check_s_taxonomy_and_the_coverage_of_every_catastrophe()
    {
        using var json = JsonDocument.Parse(ReportWriters.ToText(Report(), new JsonReportWriter()));

        var root = json.RootElement;
        var parity = root.GetProperty("checks")[0].GetProperty("taxonomy");
        Assert.Equal("bias", parity.GetProperty("catastrophe").GetString());
        Assert.Equal("understand", parity.GetProperty("pillar").GetString());
        Assert.Equal("downstream", parity.GetProperty("side").GetString());

        var coverage = root.GetProperty("coverage").EnumerateArray().ToDictionary(c => c.GetProperty("catastrophe").GetString()!);
        Assert.Equal(["bias", "lack_of_generalisation", "degraded_performance", "security_vulnerability", "privacy_leakage", "value_misalignment"], coverage.Keys);
        Assert.Equal("fail", coverage["bias"].GetProperty("downstream").GetProperty("status").GetString());
        Assert.Equal(["parity"], coverage["bias"].GetProperty("downstream").GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("not_tested", coverage["bias"].GetProperty("foundation").GetProperty("status").GetString());

        // Degraded performance: a passing calibration check and a reported long-tail one; pass is the worse of the two.
        Assert.Equal("pass", coverage["degraded_performance"].GetProperty("downstream").GetProperty("status").GetString());
        Assert.Equal(["calibrated", "recall"], coverage["degraded_performance"].GetProperty("downstream").GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("not_tested", coverage["privacy_leakage"].GetProperty("downstream").GetProperty("status").GetString());
    }

    [Fact]
    public void Markdown_and_html_open_with_the_coverage_matrix()
    {
        var report = Report();
        var md = ReportWriters.ToText(report, new MarkdownReportWriter());
        var html = ReportWriters.ToText(report, new HtmlReportWriter());

        var matrix = md.IndexOf("### What the model inherited", StringComparison.Ordinal);
        Assert.InRange(matrix, 0, md.IndexOf("| Status | Check |", StringComparison.Ordinal));
        Assert.Contains("| bias | not tested | ❌ fail: `parity` fail |", md, StringComparison.Ordinal);
        Assert.Contains("| privacy leakage | not tested | not tested |", md, StringComparison.Ordinal);
        Assert.Contains("| degraded performance | not tested | ✅ pass: `calibrated` pass, `recall` reported |", md, StringComparison.Ordinal);

        Assert.InRange(html.IndexOf("<table class=\"coverage\">", StringComparison.Ordinal), 0, html.IndexOf("<tr><th>Status</th>", StringComparison.Ordinal));
        Assert.Contains("<tr><th>bias</th><td class=\"untested\">not tested</td><td><span class=\"badge fail\">fail</span><br><a href=\"#parity\">parity</a> <span class=\"fail\">fail</span></td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(12 - 2, html.Split("<td class=\"untested\">not tested</td>").Length - 1);
    }
}
