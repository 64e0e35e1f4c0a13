using System.Diagnostics;
using System.Globalization;
using CatInherit.Bench;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Running;
using CatInherit.Settings;
using nietras.SeparatedValues;

// Usage: dotnet run -c Release --project bench/CatInherit.Bench [-- --repeat 3 --batch 32]
//        dotnet run -c Release --project bench/CatInherit.Bench -- slices [--rows 100000 --repeat 5]
//        dotnet run -c Release --project bench/CatInherit.Bench -- metrics [--rows 50000 --big-rows 5000000 --fairness-rows 1000000 --resamples 1000 --repeat 3 --data DIR]
if (args is ["slices", ..])
{
    SliceLineBench.Run(args);
    return 0;
}

var root = FindRoot();
if (args.Length > 0 && args[0] == "metrics")
{
    return MetricsBench.Run(root, args);
}

var repeat = Option("--repeat", 3);
var batch = Option("--batch", 32);
var example = Path.Combine(root, "examples", "Sentiment");
var modelDir = Path.Combine(example, "model");
var texts = new List<string>();
using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(Path.Combine(example, "data", "reviews_by_domain.csv")))
{
    foreach (var row in reader)
    {
        texts.Add(row["text"].ToString());
    }
}

var spec = PolicyLoader.ParseModel($"path: sentiment.onnx\nprovider: cpu\nbatch_size: {batch}\ninputs: {{ text: text, tokenizer: {{ vocab: vocab.txt }} }}\noutput: {{ name: logits, kind: logits }}\ncache: false\n", "bench", modelDir).Model!;
var diagnostics = new List<Diagnostic>();
using var engineModel = OnnxModel.Open(spec.Path, spec.DisplayPath, ExecutionProvider.Cpu, 0, default, diagnostics) ?? throw new InvalidInputException(diagnostics);
var tokenizer = TextTokenizer.Load(Path.Combine(modelDir, "vocab.txt"), true, 128);
using var bare = new BareOnnxRuntime(spec.Path, Path.Combine(modelDir, "vocab.txt"));
ModelOutputs Engine(InferenceEngine.Padding padding) =>
    InferenceEngine.Run(engineModel, spec, ModelInputs.FromTokens([.. texts.Select(tokenizer.Encode)]), padding);

// Warm up both paths once (allocations, ORT's per-shape kernels), and check they agree.
var check = Engine(InferenceEngine.Padding.Bucketed).Values;
var reference = bare.Run(texts, batch);
var maxDifference = check.Zip(reference, (a, b) => Math.Abs(a - b)).Max();

var bareTimes = new List<double>();
var bucketedTimes = new List<double>();
var fixedTimes = new List<double>();
for (var r = 0; r < repeat; r++)
{
    bareTimes.Add(Time(() => bare.Run(texts, batch)));
    bucketedTimes.Add(Time(() => Engine(InferenceEngine.Padding.Bucketed)));
    fixedTimes.Add(Time(() => Engine(InferenceEngine.Padding.Fixed)));
}

// Whole policy: first run into an empty cache, then the same run again.
var cacheDir = Path.Combine(Path.GetTempPath(), "catinherit-bench-" + Guid.NewGuid().ToString("N"));
var policy = Path.Combine(example, "catinherit.yaml");
var options = new RunOptions { CacheDirectory = cacheDir, Provider = ExecutionProvider.Cpu };
var firstRun = Time(() => PolicyRunner.Run(policy, options));
var cachedRuns = Enumerable.Range(0, repeat).Select(_ => Time(() => PolicyRunner.Run(policy, options))).ToList();
Directory.Delete(cacheDir, recursive: true);

var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"{texts.Count} real sentences (examples/Sentiment/data/reviews_by_domain.csv), sentiment.onnx (all-MiniLM-L6-v2 + head), CPU, batch {batch}, {Environment.ProcessorCount} cores, median of {repeat}"));
Console.WriteLine(string.Create(inv, $"engine vs bare ONNX Runtime: largest logit difference {maxDifference:G3}"));
Console.WriteLine();
Console.WriteLine("| comparison | CatInherit | baseline | ratio |");
Console.WriteLine("|---|---:|---:|---:|");
Row("engine (bucketed) / bare ONNX Runtime (same batches)", Median(bucketedTimes), Median(bareTimes), "×");
Row("length bucketing / fixed padding to 128", Median(bucketedTimes), Median(fixedTimes), "× (lower is faster)");
Row("cached re-run / first run (whole policy)", Median(cachedRuns), firstRun, "× (lower is faster)");
Console.WriteLine();
Console.WriteLine(string.Create(inv, $"speed-ups: bucketing {Median(fixedTimes) / Median(bucketedTimes):0.0}×, cache {firstRun / Median(cachedRuns):0.0}×; engine overhead {(Median(bucketedTimes) / Median(bareTimes)) - 1:P1}"));
return 0;

void Row(string name, double ours, double baseline, string unit) =>
    Console.WriteLine(string.Create(inv, $"| {name} | {ours:0.000} s | {baseline:0.000} s | {ours / baseline:0.00}{unit} |"));

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CatInherit.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run the benchmark from inside the repository.");
}
