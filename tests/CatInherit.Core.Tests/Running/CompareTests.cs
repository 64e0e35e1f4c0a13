using System.Text;
using System.Text.Json;
using CatInherit.CodeFirst;
using CatInherit.Gating;
using CatInherit.Probes;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Running;

/// <summary>
/// <c>compare: [a, b]</c> runs one check once per model: each run is the check bound to that model (the same values as the
/// check written with <c>model:</c>, the same seeds), and the report puts the runs side by side and tallies them.
/// Two tiny linear models whose predictions are known by hand: clean = argmax(x·W + [0.5, −0.5]), shifted = argmax(x·W + [−0.5, 0.5]).
/// </summary>
public sealed class CompareTests : IDisposable
{
    /// <summary>The two models and the dataset every test reads; the tests add their checks.</summary>
    private readonly string models;

    private readonly TempFolder folder = new();

    public CompareTests()
    {
        models = TinyModels.TwoLinearModels(folder, "clean", "shifted") + "datasets:\n  d: { path: d.csv, label: y }\n";

        // By hand (logit0 = a + c ± 0.5, logit1 = b + c ∓ 0.5): clean predicts 0,1,0,0,0,0 and gets row 4 wrong;
        // shifted predicts 0,1,1,1,1,0 and gets rows 3 and 5 wrong. Class-1 recall: clean 1/2, shifted 2/2; macro recall 0.75 both.
        folder.Write("d.csv", "a,b,c,y\n2,0,0,0\n0,2,0,1\n0.2,0,0,0\n0,0.2,0,1\n0.4,0,0,0\n3,0,0,0\n");
    }

    public void Dispose() => folder.Dispose();

    private RunResult Run(string checks, IReadOnlySet<string>? only = null) =>
        PolicyRunner.Run(folder.Write("catinherit.yaml", models + checks), new RunOptions { UseCache = false, Checks = only });

    [Fact]
    public void Each_run_is_the_check_bound_to_its_model_with_the_same_seeds()
    {
        var compared = Run("""
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], compare: [clean, shifted], gate: { metric: tail_recall, min: 0.75 } }
            """);
        var onClean = Run("""
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], model: clean, gate: { metric: tail_recall, min: 0.75 } }
            """);
        var onShifted = Run("""
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], model: shifted, gate: { metric: tail_recall, min: 0.75 } }
            """);

        Assert.DoesNotContain(compared.Diagnostics, d => d.IsError);
        Assert.Equal(["tail@clean", "tail@shifted"], compared.Report!.Checks.Select(c => c.Id));
        foreach (var (run, single) in new[] { ("tail@clean", onClean), ("tail@shifted", onShifted) })
        {
            var check = compared.Report.Checks.Single(c => c.Id == run);
            var alone = Assert.Single(single.Report!.Checks);
            Assert.Equal(alone.Metrics, check.Metrics);
            Assert.Equal(alone.Intervals, check.Intervals);
            Assert.Equal(alone.Status, check.Status);
            Assert.Equal(alone.Models.Select(m => m.Name), check.Models.Select(m => m.Name));
        }

        Assert.Equal(0.5, compared.Report.Checks[0].Metrics.Single(m => m.Name == "tail_recall").Value);
        Assert.Equal(1.0, compared.Report.Checks[1].Metrics.Single(m => m.Name == "tail_recall").Value);
        var comparison = compared.Report.Checks[1].Comparison!;
        Assert.Equal(("tail", "shifted"), (comparison.Id, comparison.Model));
        Assert.Equal(["clean", "shifted"], comparison.Models);
    }

    [Fact]
    public void The_report_puts_the_runs_side_by_side_and_says_which_model_passes_on_less()
    {
        var result = Run("""
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], compare: [clean, shifted], gate: { metric: tail_recall, min: 0.75 } }
              - { id: macro, kind: long-tail, dataset: d, tail_classes: [1], compare: [clean, shifted], gate: { metric: macro_recall, min: 0.7 } }
              - { id: calibration, kind: calibration, dataset: d, model: clean }
            """);
        var report = result.Report!;

        var table = report.Compared;
        Assert.Equal(["tail", "macro"], table.Select(c => c.Id));
        var tail = table[0];
        Assert.Equal("tail_recall", tail.Metric);
        Assert.False(tail.LowerIsBetter);
        Assert.Equal([("clean", CheckStatus.Fail, (double?)0.5), ("shifted", CheckStatus.Pass, 1.0)], tail.Runs.Select(r => (r.Model, r.Status, r.Value)));
        Assert.Equal(["shifted"], tail.Best);
        Assert.Equal(report.Checks[0].IntervalOf("tail_recall"), tail.Runs[0].Interval);
        Assert.Empty(table[1].Best);   // 0.75 and 0.75: a tie names no model

        var summary = Assert.Single(report.ComparisonSummary);
        Assert.Equal(Comparisons.CatastropheOf("long-tail"), summary.Catastrophe);
        Assert.Equal([new ModelTally("clean", 2, 1, 1, 0, 0), new ModelTally("shifted", 2, 2, 0, 0, 1)], summary.Models);
        Assert.Equal("shifted", summary.PassesOnLess);

        using var json = JsonDocument.Parse(Write(new JsonReportWriter(), report));
        var comparisons = json.RootElement.GetProperty("comparisons");
        Assert.Equal(2, comparisons.GetArrayLength());
        Assert.Equal("higher", comparisons[0].GetProperty("better").GetString());
        Assert.Equal(0.5, comparisons[0].GetProperty("runs")[0].GetProperty("value").GetDouble());
        Assert.Equal("fail", comparisons[0].GetProperty("runs")[0].GetProperty("status").GetString());
        Assert.Equal("shifted", json.RootElement.GetProperty("comparison_summary")[0].GetProperty("passes_on_less").GetString());
        Assert.Equal("tail", json.RootElement.GetProperty("checks")[0].GetProperty("compare").GetProperty("id").GetString());
        Assert.False(json.RootElement.GetProperty("checks")[4].TryGetProperty("compare", out _));

        var md = Write(new MarkdownReportWriter(), report);
        Assert.Contains("| `shifted` (best) | ✅ pass | 1 |", md, StringComparison.Ordinal);
        Assert.Contains($"| {Comparisons.CatastropheOf("long-tail").Replace('_', ' ')} | 1 / 0 / 0 of 2 | 0 / 0 / 1 of 2 | `shifted` |", md, StringComparison.Ordinal);
        Assert.Contains("Models compared", Write(new HtmlReportWriter(), report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_compared_checks_has_no_comparison_section()
    {
        var result = Run("""
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], model: clean }
            """);

        using var json = JsonDocument.Parse(Write(new JsonReportWriter(), result.Report!));
        Assert.False(json.RootElement.TryGetProperty("comparisons", out _));
        Assert.DoesNotContain("Models compared", Write(new MarkdownReportWriter(), result.Report!), StringComparison.Ordinal);
    }

    [Fact]
    public void Naming_the_check_as_written_selects_every_run()
    {
        var result = Run(
            """
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], compare: [clean, shifted] }
              - { id: other, kind: calibration, dataset: d, model: clean }
            """,
            new HashSet<string> { "tail" });

        Assert.Equal(["tail@clean", "tail@shifted"], result.Report!.Checks.Select(c => c.Id));
    }

    [Fact]
    public void A_test_attribute_naming_the_check_as_written_gets_every_run_and_one_run_by_its_own_id()
    {
        folder.Write("catinherit.yaml", models + """
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], compare: [clean, shifted] }
            """);

        var every = PolicyDiscovery.Discover("catinherit.yaml", folder.Path, null, "tail");
        var one = PolicyDiscovery.Discover("catinherit.yaml", folder.Path, null, "tail@shifted");

        Assert.Equal(["long-tail: tail@clean", "long-tail: tail@shifted"], every.DisplayNames);
        Assert.Equal(["long-tail: tail@shifted"], one.DisplayNames);

        // A class with [InheritancePolicy] and [InheritanceCheck(..., "tail")]: the policy test leaves every run of 'tail' to the other method.
        folder.Write("catinherit.yaml", models + """
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: [1], compare: [clean, shifted] }
              - { id: other, kind: long-tail, dataset: d, tail_classes: [1], model: clean }
            """);
        var policy = new PolicyAttributeUse("All", "catinherit.yaml", null, null);
        var single = new PolicyAttributeUse("Tail", "catinherit.yaml", null, "tail");
        Assert.Equal(["long-tail: other"], PolicyDiscovery.Discover(policy, [policy, single], folder.Path).DisplayNames);
        Assert.Equal(["long-tail: tail@clean", "long-tail: tail@shifted"], PolicyDiscovery.Discover(single, [policy, single], folder.Path).DisplayNames);
    }

    [Theory]
    [InlineData("compare: [clean, shifted], model: clean", "CAT0013", "both 'model' and 'compare'")]
    [InlineData("compare: [clean, shiftd]", "CAT0028", "Did you mean 'shifted'?")]
    [InlineData("compare: [clean]", "CAT0013", "at least two models")]
    [InlineData("compare: [clean, clean]", "CAT0013", "listed twice")]
    public void A_bad_compare_list_is_reported_where_it_is_written(string compare, string code, string message)
    {
        var path = folder.Write("bad.yaml", models + $$"""
            checks:
              - { id: tail, kind: long-tail, dataset: d, {{compare}} }
            """);

        var loaded = CheckKinds.Load(path);
        var validated = PolicyValidator.Validate(path);

        Assert.Null(loaded.Policy);
        var error = Assert.Single(loaded.Diagnostics, d => d.IsError && d.Code == code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(18, error.Location.Line);
        Assert.Contains(validated.Diagnostics, d => d.Code == code && d.Message == error.Message);
    }

    [Fact]
    public void A_check_compared_in_code_reports_what_the_policy_reports()
    {
        var clean = Inheritance.Model(folder.File("clean.onnx")).Named("clean").FeatureInput(["a", "b", "c"]).LogitsOutput("logits").OnCpu().Cache(false);
        var shifted = Inheritance.Model(folder.File("shifted.onnx")).Named("shifted").FeatureInput(["a", "b", "c"]).LogitsOutput("logits").OnCpu().Cache(false);
        var runs = Inheritance.File(folder.File("d.csv")).LabelColumn("y").LongTail().TailClasses(["1"]).Compare([clean, shifted]).Named("tail")
            .ShouldBeAtLeast(LongTailMetric.TailRecall, 0.75).RunEach();
        var yaml = Run("""
            checks:
              - { id: tail, kind: long-tail, dataset: d, tail_classes: ["1"], compare: [clean, shifted], gate: { metric: tail_recall, min: 0.75 } }
            """);

        Assert.Equal(yaml.Report!.Checks.Select(c => (c.Id, c.Status, c.Metrics.Count)), runs.Select(c => (c.Id, c.Status, c.Metrics.Count)));
        Assert.Equal(yaml.Report.Checks.SelectMany(c => c.Metrics), runs.SelectMany(c => c.Metrics));
        Assert.Equal(yaml.Report.Checks.SelectMany(c => c.Intervals), runs.SelectMany(c => c.Intervals));
    }

    private static string Write(IReportWriter writer, RunReport report)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
