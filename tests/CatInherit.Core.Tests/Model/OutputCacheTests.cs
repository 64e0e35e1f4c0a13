using System.Runtime.InteropServices;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Model;

public sealed class OutputCacheTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Policy(bool cache = true)
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        return folder.Write("catinherit.yaml", $$"""
            version: 1
            model:
              path: linear.onnx
              provider: cpu
              inputs: { features: [a, b, c] }
              output: { name: logits, kind: logits }
              cache: {{(cache ? "true" : "false")}}
            datasets:
              d: { path: d.csv, label: label }
            checks:
              - { id: parity, kind: group-fairness, dataset: d, sensitive: g, resamples: 0 }
            """);
    }

    private RunOptions Options => new() { CacheDirectory = folder.File("cache") };

    private string[] CacheFiles() => Directory.Exists(folder.File("cache")) ? Directory.GetFiles(folder.File("cache")) : [];

    private static double Selection(CatInherit.Reports.RunReport report, int group) =>
        report.Checks[0].Groups[group].Metrics.Single(m => m.Name == "selection_rate").Value;

    [Fact]
    public void A_rerun_with_nothing_changed_reads_the_cache_instead_of_running_the_model()
    {
        folder.Write("d.csv", "a,b,c,label,g\n1,0,0,0,x\n0,1,0,1,y\n");
        var policy = Policy();
        var first = PolicyRunner.Run(policy, Options).Report!;
        var file = Assert.Single(CacheFiles());
        Assert.Equal(0.0, Selection(first, 0));

        // Overwrite the cached logits so that every row predicts class 1: only a cache read can see that.
        var bytes = File.ReadAllBytes(file);
        var floats = 20 + BitConverter.ToInt32(bytes, 16); // header, then the provider's name, then the outputs
        MemoryMarshal.Cast<byte, float>(bytes.AsSpan(floats)).Fill(0f);
        MemoryMarshal.Cast<byte, float>(bytes.AsSpan(floats))[0] = -1f;
        File.WriteAllBytes(file, bytes);
        var second = PolicyRunner.Run(policy, Options).Report!;

        Assert.Equal(1.0, Selection(second, 0));
    }

    [Fact]
    public void A_cached_run_writes_the_same_report_as_the_run_that_filled_the_cache()
    {
        folder.Write("d.csv", "a,b,c,label,g\n1,0,0,0,x\n0,1,0,1,y\n");
        Policy();
        File.WriteAllText(folder.File("catinherit.yaml"), File.ReadAllText(folder.File("catinherit.yaml")).Replace("provider: cpu", "provider: auto", StringComparison.Ordinal));

        var first = CatInherit.Reports.ReportWriters.ToText(PolicyRunner.Run(folder.File("catinherit.yaml"), Options).Report!, new CatInherit.Reports.JsonReportWriter());
        Assert.Single(CacheFiles());
        var cached = CatInherit.Reports.ReportWriters.ToText(PolicyRunner.Run(folder.File("catinherit.yaml"), Options).Report!, new CatInherit.Reports.JsonReportWriter());

        Assert.Equal(first, cached);
        Assert.Contains("\"provider\": \"", first);
    }

    [Fact]
    public void Changed_data_or_disabled_cache_runs_the_model()
    {
        folder.Write("d.csv", "a,b,c,label,g\n1,0,0,0,x\n0,1,0,1,y\n");
        PolicyRunner.Run(Policy(), Options);
        folder.Write("d.csv", "a,b,c,label,g\n1,0,0,0,x\n0,2,0,1,y\n");
        PolicyRunner.Run(Policy(), Options);
        Assert.Equal(2, CacheFiles().Length);

        PolicyRunner.Run(Policy(cache: false), Options);
        PolicyRunner.Run(Policy(), Options with { UseCache = false });
        folder.Write("d.csv", "a,b,c,label,g\n1,0,0,0,x\n0,3,0,1,y\n");
        PolicyRunner.Run(Policy(), Options with { UseCache = false });
        Assert.Equal(2, CacheFiles().Length);
    }

    [Fact]
    public void A_truncated_cache_file_is_a_miss_not_an_error()
    {
        folder.Write("d.csv", "a,b,c,label,g\n1,0,0,0,x\n0,1,0,1,y\n");
        var policy = Policy();
        PolicyRunner.Run(policy, Options);
        var file = Assert.Single(CacheFiles());
        File.WriteAllBytes(file, [1, 2, 3]);

        var report = PolicyRunner.Run(policy, Options).Report!;

        Assert.Equal(0.0, Selection(report, 0));
        Assert.True(new FileInfo(file).Length > 20);
    }

    [Fact]
    public void The_key_covers_model_tokenizer_output_batch_size_and_content()
    {
        var diagnostics = new List<Diagnostic>();
        File.WriteAllText(folder.File("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\na\n");
        File.WriteAllText(folder.File("m.onnx"), "x");
        ModelSpec Spec(string extra, string batch = "") => PolicyLoader.ParseModel($"path: m.onnx\n{batch}inputs: {{ text: t, tokenizer: {{ vocab: vocab.txt{extra} }} }}\noutput: {{ name: o, kind: logits }}\n", "m", folder.Path).Model!;
        var inputs = ModelInputs.FromTokens([[1, 2]]);

        var keys = new[]
        {
            OutputCache.Key("model-a", Spec(string.Empty), "vocab-1", inputs, ["a text"]),
            OutputCache.Key("model-b", Spec(string.Empty), "vocab-1", inputs, ["a text"]),
            OutputCache.Key("model-a", Spec(string.Empty), "vocab-2", inputs, ["a text"]),
            OutputCache.Key("model-a", Spec(", max_length: 64"), "vocab-1", inputs, ["a text"]),
            OutputCache.Key("model-a", Spec(", lowercase: false"), "vocab-1", inputs, ["a text"]),
            OutputCache.Key("model-a", Spec(string.Empty), "vocab-1", inputs, ["another text"]),
            OutputCache.Key("model-a", Spec(string.Empty), "vocab-1", inputs, ["a", " text"]),

            // The batch size decides which rows share a batch, and ONNX Runtime's last bits depend on that.
            OutputCache.Key("model-a", Spec(string.Empty, "batch_size: 8\n"), "vocab-1", inputs, ["a text"]),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(keys[0], OutputCache.Key("model-a", Spec(string.Empty), "vocab-1", inputs, ["a text"]));
        Assert.Empty(diagnostics);
    }
}
