using System.Text.Json;
using CatInherit.Gating;
using CatInherit.Model;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

public sealed class CounterfactualTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TextTokenizer tokenizer = TextTokenizer.Load(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), true, 128);

    public CounterfactualTests()
    {
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
        TinyModels.TokenSum(folder.File("sum.onnx"));
    }

    public void Dispose() => folder.Dispose();

    /// <summary>P(class 1) of the token-sum model, computed here from the token ids alone.</summary>
    private double Positive(string text) => 1 / (1 + Math.Exp(-((tokenizer.Encode(text).Sum() - 2000.0) / 100)));

    private RunResult Run(string check, string data = "text\nhe is here\nshe is here\nthe cat sat\nhis dog and her cat\n")
    {
        folder.Write("d.csv", data);
        folder.Write("catinherit.yaml", $$"""
            version: 1
            model:
              path: sum.onnx
              provider: cpu
              inputs: { text: text, tokenizer: { vocab: vocab.txt } }
              output: { name: logits, kind: logits }
              cache: false
            datasets:
              d: { path: d.csv }
            checks:
            {{check}}
            """);
        return PolicyRun.RunFile(folder.File("catinherit.yaml"));
    }

    [Fact]
    public void Metrics_are_the_probability_changes_between_each_text_and_its_twin()
    {
        var result = Run("  - { id: cf, kind: counterfactual, dataset: d, swap: gender-terms, resamples: 0 }");

        var check = Assert.Single(result.Report!.Checks);
        string[] texts = ["he is here", "she is here", "his dog and her cat"];
        string[] twins = ["she is here", "he is here", "her dog and his cat"];
        var deltas = texts.Zip(twins, (t, w) => Positive(w) - Positive(t)).ToArray();
        var flips = texts.Zip(twins, (t, w) => (Positive(t) > 0.5) != (Positive(w) > 0.5)).Count(f => f);
        Assert.Equal(3, check.Count);
        Assert.Equal((double)flips / 3, check.Metrics.Single(m => m.Name == "flip_rate").Value, 12);
        Assert.Equal(deltas.Average(Math.Abs), check.Metrics.Single(m => m.Name == "mean_abs_delta").Value, 6);
        Assert.Equal(deltas.Max(Math.Abs), check.Metrics.Single(m => m.Name == "max_abs_delta").Value, 6);
        Assert.Equal(["1 of 4 texts contain no word of the swap list and were skipped"], check.Warnings);
        var worst = check.Details!["worst_pairs"]!.AsArray();
        Assert.Equal(3, worst.Count);
        Assert.Equal(deltas.Max(Math.Abs), Math.Abs(worst[0]!["delta"]!.GetValue<double>()), 6);
    }

    [Fact]
    public void Templates_expand_every_swap_word_and_fill_word()
    {
        var result = Run("""
              - id: cf
                kind: counterfactual
                template: "{swap} is a {role}."
                fill: { role: [nurse, pilot] }
                swap: names
                resamples: 200
                gate: { metric: flip_rate, max: 1 }
            """);

        var check = Assert.Single(result.Report!.Checks);
        Assert.Equal(14, check.Count);
        var pairs = new[] { ("John", "Amy"), ("Paul", "Joan"), ("Mike", "Lisa"), ("Kevin", "Sarah"), ("Steve", "Diana"), ("Greg", "Kate"), ("Jeff", "Donna") };
        var deltas = pairs.SelectMany(p => new[] { "nurse", "pilot" }.Select(r => Positive($"{p.Item2} is a {r}.") - Positive($"{p.Item1} is a {r}."))).ToArray();
        Assert.Equal(deltas.Average(Math.Abs), check.Metrics.Single(m => m.Name == "mean_abs_delta").Value, 6);
        Assert.NotNull(check.IntervalOf("mean_abs_delta"));
        Assert.Equal(CheckStatus.Pass, check.Status);
    }

    [Fact]
    public void Template_fills_can_come_from_word_list_files()
    {
        folder.Write("roles.txt", "# roles\nnurse\npilot\nchef\n");

        var result = Run("  - { id: cf, kind: counterfactual, template: \"{swap} is a {role}.\", fill: { role: roles.txt }, swap: names, resamples: 0 }");

        Assert.Equal(21, Assert.Single(result.Report!.Checks).Count);
    }

    [Fact]
    public void Nothing_to_swap_is_an_undefined_metric_with_the_reason()
    {
        var result = Run("  - { id: cf, kind: counterfactual, dataset: d, swap: names, gate: { metric: flip_rate, max: 0.1 } }");

        var check = Assert.Single(result.Report!.Checks);
        Assert.Equal(CheckStatus.Error, check.Status);
        Assert.Equal("flip_rate is undefined: no text contains a word of the swap list, so there is no pair to compare (n=0)", check.Message);
    }

    [Fact]
    public void User_swap_files_and_their_problems()
    {
        folder.Write("from.txt", "# left\ncat\ndog\n");
        folder.Write("to.txt", "tiger\n");
        folder.Write("empty.txt", "# nothing\n");
        var uneven = Run("  - { id: cf, kind: counterfactual, dataset: d, swap: { from: from.txt, to: to.txt } }");
        var empty = Run("  - { id: cf, kind: counterfactual, dataset: d, swap: { from: empty.txt, to: to.txt } }");
        var missing = Run("  - { id: cf, kind: counterfactual, dataset: d, swap: { from: nope.txt, to: to.txt } }");

        Assert.Equal("catinherit.yaml(11,55): error CAT0013: check 'cf': the swap lists pair line by line, but 'from' has 2 words and 'to' has 1", Relative(uneven));
        Assert.Equal("catinherit.yaml(11,63): error CAT0013: check 'cf': word list 'empty.txt' is empty", Relative(empty));
        Assert.StartsWith("catinherit.yaml(11,63): error CAT0100: check 'cf': word list 'nope.txt' not found", Relative(missing));
    }

    [Theory]
    [InlineData("  - { id: cf, kind: counterfactual, template: \"a {role}\", fill: { role: [x] }, swap: names }", "(11,47): error CAT0013: check 'cf': the template has no '{swap}' placeholder")]
    [InlineData("  - { id: cf, kind: counterfactual, template: \"{swap} {role}\", swap: names }", "(11,47): error CAT0011: check 'cf': the template's placeholder '{role}' has no words; add 'fill: { role: [...] }'")]
    [InlineData("  - { id: cf, kind: counterfactual, dataset: d, template: \"{swap}\", swap: names }", "(11,59): error CAT0013: check 'cf' needs exactly one of 'dataset' or 'template'; it has 'dataset' and 'template'")]
    [InlineData("  - { id: cf, kind: counterfactual, dataset: d, swap: gender-terms, positive_label: yes }", "(11,85): error CAT0027: check 'cf': 'positive_label' is not one of the model's classes [0, 1]; set 'positive_label' to the class whose probability should not move")]
    [InlineData("  - { id: cf, kind: counterfactual, dataset: d, swap: nmaes }", "(11,55): error CAT0013: 'swap' in check 'cf' must be one of gender-terms, names, gender; found 'nmaes'. Did you mean 'names'?")]
    public void Bad_templates_and_lists_are_diagnostics(string check, string expected) => Assert.Contains(expected, Relative(Run(check)));

    private string Relative(RunResult result)
    {
        Assert.Null(result.Report);
        return string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty)));
    }

    [Fact]
    public void Details_are_written_to_the_report()
    {
        var report = Run("  - { id: cf, kind: counterfactual, dataset: d, swap: gender-terms, resamples: 0 }").Report!;

        var json = JsonDocument.Parse(ReportWriters.ToText(report, new JsonReportWriter())).RootElement;

        var pair = json.GetProperty("checks")[0].GetProperty("details").GetProperty("worst_pairs")[0];
        Assert.Equal(JsonValueKind.String, pair.GetProperty("twin").ValueKind);
        Assert.Equal("1", json.GetProperty("checks")[0].GetProperty("details").GetProperty("positive_class").GetString());
    }
}
