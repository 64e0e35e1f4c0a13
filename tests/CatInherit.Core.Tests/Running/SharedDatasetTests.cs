using CatInherit.Progress;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Running;

/// <summary>
/// One dataset fed to several models: a check's own <c>model:</c> decides which model computes its datasets' outputs
/// (the dataset's <c>model:</c> is the default), each (dataset, model) pair is inferred once, and each check names the
/// model that ran. A policy without datasets is valid when no check reads one.
/// </summary>
public sealed class SharedDatasetTests : IDisposable
{
    /// <summary>The two models; the tests add datasets and checks.</summary>
    private readonly string models;

    private readonly TempFolder folder = new();

    public SharedDatasetTests()
    {
        models = TinyModels.TwoLinearModels(folder, "clean", "backdoored");
        folder.Write("d.csv", "a,b,c,y,sex\n1,0,0,0,f\n0,1,0,1,f\n0,0,1,1,m\n2,0,1,0,m\n0,2,0,1,f\n1,1,0,0,m\n");
    }

    public void Dispose() => folder.Dispose();

    private (RunResult Result, List<RunProgress> Events) Run(string yaml)
    {
        var path = folder.Write("catinherit.yaml", yaml);
        var events = new List<RunProgress>();
        var result = PolicyRunner.Run(path, new RunOptions { UseCache = false }, new SynchronousProgress(events.Add));
        return (result, events);
    }

    private static CheckReport Check(RunResult result, string id) => result.Report!.Checks.Single(c => c.Id == id);

    [Fact]
    public void A_check_s_model_computes_its_dataset_once_per_model_and_the_report_names_it()
    {
        var (shared, events) = Run(models + """
            datasets:
              d: { path: d.csv, label: y, model: clean }
            checks:
              - { id: clean-calibration, kind: calibration, dataset: d, gate: { metric: ece, max: 1 } }
              - { id: clean-parity, kind: group-fairness, dataset: d, sensitive: sex, gate: { metric: demographic_parity_difference, max: 1 } }
              - { id: backdoored-calibration, kind: calibration, dataset: d, model: backdoored, gate: { metric: ece, max: 1 } }
              - { id: backdoored-parity, kind: group-fairness, dataset: d, model: backdoored, sensitive: sex, gate: { metric: demographic_parity_difference, max: 1 } }
            """);
        var (duplicated, _) = Run(models + """
            datasets:
              on_clean: { path: d.csv, label: y, model: clean }
              on_backdoored: { path: d.csv, label: y, model: backdoored }
            checks:
              - { id: clean-calibration, kind: calibration, dataset: on_clean, gate: { metric: ece, max: 1 } }
              - { id: clean-parity, kind: group-fairness, dataset: on_clean, sensitive: sex, gate: { metric: demographic_parity_difference, max: 1 } }
              - { id: backdoored-calibration, kind: calibration, dataset: on_backdoored, gate: { metric: ece, max: 1 } }
              - { id: backdoored-parity, kind: group-fairness, dataset: on_backdoored, sensitive: sex, gate: { metric: demographic_parity_difference, max: 1 } }
            """);

        Assert.DoesNotContain(shared.Diagnostics, d => d.IsError);
        foreach (var id in new[] { "clean-calibration", "clean-parity", "backdoored-calibration", "backdoored-parity" })
        {
            // The same numbers as the same data declared once per model (the old way), and the model that ran.
            Assert.Equal(Check(duplicated, id).Metrics, Check(shared, id).Metrics);
            Assert.Equal(Check(duplicated, id).Intervals, Check(shared, id).Intervals);
            Assert.Equal([id.Split('-')[0]], Check(shared, id).Models.Select(m => m.Name));
        }

        Assert.NotEqual(Check(shared, "clean-parity").Metrics, Check(shared, "backdoored-parity").Metrics);
        Assert.Equal(["clean", "backdoored"], shared.Report!.Models.Select(m => m.Name));

        // Each (dataset, model) pair is inferred once: 6 rows per model, though two checks read each pair.
        Assert.Equal([("clean", 6), ("backdoored", 6)], events.Where(e => e.Stage == "infer" && e.Message is not null).Select(e => (e.Item, e.Total)));
    }

    [Fact]
    public void A_check_model_reaches_every_dataset_it_names()
    {
        var (result, _) = Run(models + """
            datasets:
              in: { path: d.csv, label: y, model: clean }
              out: { path: d.csv, label: y, where: { sex: m }, model: clean }
            checks:
              - { id: by-dataset, kind: ood, dataset: in, ood: out, resamples: 0 }
              - { id: by-check, kind: ood, dataset: in, ood: out, model: backdoored, resamples: 0 }
            """);

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(["clean"], Check(result, "by-dataset").Models.Select(m => m.Name));
        Assert.Equal(["backdoored"], Check(result, "by-check").Models.Select(m => m.Name));
        Assert.NotEqual(Check(result, "by-dataset").Metrics, Check(result, "by-check").Metrics);
    }

    [Fact]
    public void A_dataset_several_models_could_compute_needs_a_model_on_the_check_or_the_dataset()
    {
        var (result, _) = Run(models + """
            datasets:
              d: { path: d.csv, label: y }
            checks:
              - { id: unnamed, kind: calibration, dataset: d }
              - { id: named, kind: calibration, dataset: d, model: backdoored }
            """);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CAT0028");
        Assert.EndsWith("(18,48): error CAT0028: check 'unnamed' uses dataset 'd', which several models could compute (clean, backdoored); add 'model: <name>' to the check (or to the dataset, for every check that reads it)", error.ToString());
    }

    [Fact]
    public void A_check_model_that_does_not_exist_is_reported_with_a_suggestion()
    {
        var (result, _) = Run(models + """
            datasets:
              d: { path: d.csv, label: y, model: clean }
            checks:
              - { id: c, kind: calibration, dataset: d, model: backdored }
            """);

        Assert.Contains(result.Diagnostics, d => d.ToString().EndsWith("error CAT0028: check 'c' uses model 'backdored', which the policy does not declare. Did you mean 'backdoored'? Models: clean, backdoored", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_checks_the_columns_of_every_model_a_dataset_is_fed_to()
    {
        var path = folder.Write("catinherit.yaml", models.Replace("backdoored:\n    path: backdoored.onnx\n    provider: cpu\n    cache: false\n    inputs: { features: [a, b, c] }", "backdoored:\n    path: backdoored.onnx\n    provider: cpu\n    cache: false\n    inputs: { features: [a, b, d] }", StringComparison.Ordinal) + """
            datasets:
              d: { path: d.csv, label: y, model: clean }
            checks:
              - { id: clean, kind: calibration, dataset: d }
              - { id: backdoored, kind: calibration, dataset: d, model: backdoored }
            """);

        var problems = PolicyValidator.Validate(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + "/", string.Empty, StringComparison.Ordinal));

        Assert.Equal(["catinherit.yaml(13,32): error CAT0102: column 'd' (model input feature) is not in d.csv. Did you mean 'a'? Columns: a, b, c, y, sex"], problems);
    }

    [Fact]
    public void A_policy_without_datasets_runs_checks_that_read_none_and_explains_one_that_does()
    {
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        const string Model = """
            version: 1
            model:
              path: echo.onnx
              provider: cpu
              cache: false
              inputs: { text: text, tokenizer: { vocab: vocab.txt } }
              output: { name: hidden, kind: embedding, pooling: mean }
            checks:
              - { id: weat, kind: embedding-association, targets: [[he, him], [she, her]], attributes: [[work, office], [home, family]], resamples: 0 }

            """;

        var (result, _) = Run(Model);
        var (missing, _) = Run(Model + "  - { id: parity, kind: calibration, dataset: d }\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(["model"], Check(result, "weat").Models.Select(m => m.Name));
        Assert.Contains(Check(result, "weat").Metrics, m => m.Name == "p_value");
        Assert.Equal(["catinherit.yaml(10,47): error CAT0022: check 'parity' uses dataset 'd', which is not declared under 'datasets'. (none are declared)"], missing.Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + "/", string.Empty, StringComparison.Ordinal)));
    }

    /// <summary>Progress reported on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
