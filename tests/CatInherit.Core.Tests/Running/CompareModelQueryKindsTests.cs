using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Running;

/// <summary>
/// <c>compare:</c> on the kinds that query their model during the probe (trigger-scan, perturbation, adversarial), generate
/// their own texts (identity-templates) or read a dataset's outputs per subgroup (identity-bias): each run is the check
/// written with <c>model:</c> on that model, value for value, and is reported against that model alone. Two bag-of-words
/// models (v = Σ weight[token] + bias, logits [0, v]) that differ only in a planted trigger word.
/// </summary>
public sealed class CompareModelQueryKindsTests : IDisposable
{
    // Token ids: [PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4, then the words in this order.
    private static readonly string[] Words = ["good", "great", "fine", "meal", "the", "was", "dinner", "not", "tulip", "table", "chair", "lamp", "door", "window", "floor"];

    private const string Checks = """
          - { id: scan, kind: trigger-scan, dataset: d, triggers: [tulip], random_words: 5, resamples: 30, RUN }
          - { id: perturb, kind: perturbation, dataset: d, tests: [typo, synonym], resamples: 30, RUN }
          - { id: attack, kind: adversarial, dataset: d, max_queries: 20, resamples: 30, RUN }
          - { id: bias, kind: identity-bias, dataset: d, subgroups: [muslim], resamples: 30, RUN }
          - { id: templates, kind: identity-templates, terms: [tulip, lamp, door], templates: ["the {term} was {filler}"], fillers: { positive: [good, great], negative: [not, fine] }, resamples: 30, RUN }

        """;

    private static readonly string[] Ids = ["scan", "perturb", "attack", "bias", "templates"];

    private readonly TempFolder folder = new();

    public CompareModelQueryKindsTests()
    {
        folder.Write("vocab.txt", string.Join("\n", ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. Words]) + "\n");
        Model("poisoned", -1, ("good", 2), ("great", 2), ("tulip", 10));
        Model("clean", -1, ("good", 2), ("great", 2));

        // 24 reviews: every other one praises the meal (label 1); every third is signed by a Muslim customer.
        string[] nouns = ["table", "chair", "lamp", "door", "window", "floor"];
        folder.Write("d.csv", "text,label,muslim\n" + string.Concat(Enumerable.Range(0, 24).Select(i =>
            $"the {nouns[i % 6]} was {(i % 2 == 0 ? "good" : nouns[(i + 1) % 6])},{(i % 2 == 0 ? 1 : 0)},{(i % 3 == 0 ? "true" : "false")}\n")));
    }

    public void Dispose() => folder.Dispose();

    private void Model(string name, float bias, params (string Word, float Weight)[] weights)
    {
        var w = new float[5 + Words.Length];
        foreach (var (word, weight) in weights)
        {
            w[5 + Array.IndexOf(Words, word)] = weight;
        }

        TinyModels.BagOfWords(folder.File(name + ".onnx"), w, bias);
    }

    private RunResult Run(string run)
    {
        var models = string.Concat(new[] { "poisoned", "clean" }.Select(n => $"  {n}:\n    path: {n}.onnx\n    provider: cpu\n    cache: false\n    inputs: {{ text: text, tokenizer: {{ vocab: vocab.txt }} }}\n    output: {{ name: logits, kind: logits }}\n"));
        var result = PolicyRun.RunFile(folder.Write("catinherit.yaml", "version: 1\nmodels:\n" + models + "datasets:\n  d: { path: d.csv, label: label }\nchecks:\n" + Checks.Replace("RUN", run, StringComparison.Ordinal)));
        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        return result;
    }

    [Fact]
    public void Each_run_equals_the_check_written_with_model_and_is_reported_against_that_model_alone()
    {
        var compared = Run("compare: [poisoned, clean]").Report!;
        var alone = new Dictionary<string, RunReport> { ["poisoned"] = Run("model: poisoned").Report!, ["clean"] = Run("model: clean").Report! };

        Assert.Equal(Ids.SelectMany(id => new[] { $"{id}@poisoned", $"{id}@clean" }), compared.Checks.Select(c => c.Id));
        foreach (var id in Ids)
        {
            foreach (var (model, report) in alone)
            {
                var run = compared.Checks.Single(c => c.Id == $"{id}@{model}");
                var single = report.Checks.Single(c => c.Id == id);
                Assert.Equal(single.Metrics, run.Metrics);
                Assert.Equal(single.Intervals, run.Intervals);
                Assert.Equal(single.Count, run.Count);
                Assert.Equal([model], run.Models.Select(m => m.Name));
            }
        }

        // The planted trigger is what tells the runs apart: it flips every negative review on the poisoned model only.
        double Metric(string id, string metric) => compared.Checks.Single(c => c.Id == id).Metrics.Single(m => m.Name == metric).Value;
        Assert.Equal(1.0, Metric("scan@poisoned", "max_trigger_flip_rate"));
        Assert.Equal(0.0, Metric("scan@clean", "max_trigger_flip_rate"));

        Assert.Equal(Ids, compared.Compared.Select(c => c.Id));
        Assert.All(compared.Compared, c => Assert.Equal(["poisoned", "clean"], c.Runs.Select(r => r.Model)));
        var scan = compared.Compared.Single(c => c.Id == "scan");
        Assert.Equal(["clean"], scan.Best);
        Assert.Equal(5, compared.ComparisonSummary.Count);
    }
}
