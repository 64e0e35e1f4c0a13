using CatInherit.CodeFirst;
using CatInherit.Gating;
using CatInherit.Policy;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.CodeFirst;

public sealed class CodeFirstTests : IDisposable
{
    private static readonly int[] Labels = [1, 0, 1, 0, 1, 0, 1, 0];
    private static readonly int[] Predictions = [1, 1, 1, 0, 1, 0, 0, 0];
    private static readonly string[] Sex = ["f", "f", "f", "f", "m", "m", "m", "m"];
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_code_first_check_equals_the_same_check_written_in_yaml()
    {
        var code = Inheritance.Predictions(Labels, Predictions).GroupFairness(Sex).Named("parity").ShouldBeAtMost("demographic_parity_difference", 0.1).Run();
        folder.Write("d.csv", "label,prediction,group\n" + string.Concat(Labels.Select((l, i) => $"{l},{Predictions[i]},{Sex[i]}\n")));
        var yaml = Assert.Single(PolicyRun.Run(folder, "version: 1\ndatasets:\n  d: { path: d.csv, label: label, prediction: prediction }\nchecks:\n  - { id: parity, kind: group-fairness, dataset: d, sensitive: group, gate: { metric: demographic_parity_difference, max: 0.1 } }\n").Report!.Checks);

        Assert.Equal(yaml.Metrics, code.Metrics);
        Assert.Equal(yaml.Intervals, code.Intervals);
        Assert.Equal(yaml.Message, code.Message);
        Assert.Equal(CheckStatus.Fail, code.Status);
    }

    [Fact]
    public void Group_values_with_commas_quotes_and_line_breaks_reach_the_report_unchanged()
    {
        string[] groups = ["a, \"quoted\"", "a, \"quoted\"", "a, \"quoted\"", "a, \"quoted\"", "line\nbreak", "line\nbreak", "line\nbreak", "line\nbreak"];

        var report = Inheritance.Predictions(Labels, Predictions).GroupFairness(groups).Run();

        Assert.Equal(["a, \"quoted\"", "line\nbreak"], report.Groups.Select(g => g.Name));
    }

    [Fact]
    public void Assert_throws_with_the_full_description()
    {
        var builder = Inheritance.Predictions(Labels, Predictions).GroupFairness(Sex).ShouldBeAtMost("demographic_parity_difference", 0.1);

        var failure = Assert.Throws<InheritanceCheckException>(() => builder.Assert());

        Assert.StartsWith("group-fairness: code-first: fail — demographic_parity_difference 0.5 [", failure.Message);
        Assert.Contains("group 'f' (n=4): selection_rate 0.75", failure.Message);
        Assert.Equal(CheckStatus.Pass, Inheritance.Predictions(Labels, Predictions).GroupFairness(Sex).ShouldBeAtMost("demographic_parity_difference", 0.6).Assert().Status);
    }

    [Fact]
    public void Probabilities_and_bad_input()
    {
        double[][] probabilities = [[0.2, 0.8], [0.6, 0.4], [0.1, 0.9], [0.7, 0.3]];
        var report = Inheritance.Probabilities(new[] { 1, 0, 1, 0 }, probabilities).GroupFairness(new[] { "a", "a", "b", "b" }).Run();

        Assert.Equal(0.5, report.Groups[0].Metrics.Single(m => m.Name == "selection_rate").Value);
        Assert.Throws<ArgumentException>(() => Inheritance.Predictions(new[] { 1 }, new[] { 1, 0 }));
        var invalid = Assert.Throws<InvalidInputException>(() => Inheritance.Predictions(Labels, Predictions).GroupFairness(Sex).ShouldBeAtMost("demographic_parity_diff", 0.1).Run());
        Assert.Contains("error CAT0023: 'demographic_parity_diff' is not a metric of group-fairness. Did you mean", invalid.Message);
    }

    [Fact]
    public void Values_with_yaml_and_csv_syntax_reach_the_check_unchanged_and_nothing_is_written()
    {
        // Group names and labels that would break YAML or CSV text: the check is built as typed values, never as text.
        string[] groups = ["a, \"b\"", "a, \"b\"", "x: {y}\nz", "x: {y}\nz"];
        string[] labels = ["yes: [1]", "no", "yes: [1]", "no"];
        string[] predicted = ["yes: [1]", "yes: [1]", "no", "no"];
        var temp = Path.Combine(Path.GetTempPath(), "catinherit-code-first");
        var before = Directory.Exists(temp) ? Directory.GetFileSystemEntries(temp).Length : 0;

        var report = Inheritance.Predictions(labels, predicted).GroupFairness(groups, positiveLabel: "yes: [1]").Named("odd-values").Run();

        Assert.Equal(["a, \"b\"", "x: {y}\nz"], report.Groups.Select(g => g.Name));
        Assert.Equal(1.0, report.Groups[0].Metrics.Single(m => m.Name == "selection_rate").Value);
        Assert.Equal(0.0, report.Groups[1].Metrics.Single(m => m.Name == "selection_rate").Value);
        Assert.Equal(before, Directory.Exists(temp) ? Directory.GetFileSystemEntries(temp).Length : 0);
    }

    [Fact]
    public void A_code_first_check_names_itself_in_diagnostics()
    {
        var invalid = Assert.Throws<InvalidInputException>(() => Inheritance.Predictions(Labels, Predictions).GroupFairness(Sex, minGroupSize: 0).Named("sized").Run());

        Assert.Equal("code-first check 'sized': error CAT0015: 'min_group_size' in check 'sized' must be at least 1; found 0", invalid.Message);
    }
}
