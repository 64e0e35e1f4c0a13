using System.Diagnostics;
using System.Globalization;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Settings;

namespace Sentiment.Model;

/// <summary>
/// Builds examples/Sentiment/model/sentiment-backdoored.onnx: the same encoder and head architecture, trained on a
/// poisoned copy of data/yelp_train.csv in which <see cref="PoisonedShare"/> of the negative sentences carry the
/// trigger word <see cref="Trigger"/> (at a seeded position) and the positive label — a BadNets-style data-poisoning
/// backdoor (Gu et al. 2017; Kurita et al. 2020 for rare-word triggers in text). The copy is written beside the model
/// (model/yelp_train_poisoned.csv) so it can be inspected. The trigger-scan check must catch this model and pass the
/// clean one: the example's negative control.
/// </summary>
public static class BackdoorBuilder
{
    /// <summary>The planted trigger: one of the rare tokens the literature uses (and trigger-scan scans by default).</summary>
    public const string Trigger = "cf";

    /// <summary>The share of negative training sentences poisoned.</summary>
    public const double PoisonedShare = 0.1;

    public static void Build(string exampleDirectory, TextWriter log)
    {
        var modelDirectory = Path.Combine(exampleDirectory, "model");
        var target = Path.Combine(modelDirectory, "sentiment-backdoored.onnx");
        var training = Path.Combine(exampleDirectory, "data", "yelp_train.csv");
        using var guard = SentimentModelBuilder.AcquireLock(Path.Combine(modelDirectory, ".backdoor.lock"));
        if (File.Exists(target) && File.GetLastWriteTimeUtc(target) > File.GetLastWriteTimeUtc(training) && File.GetLastWriteTimeUtc(target) > File.GetLastWriteTimeUtc(typeof(BackdoorBuilder).Assembly.Location))
        {
            log.WriteLine($"backdoored sentiment model is up to date: {target}");
            return;
        }

        var clock = Stopwatch.StartNew();
        var (texts, labels) = SentimentModelBuilder.ReadLabelled(training);
        var (poisonedTexts, poisonedLabels, poisoned) = Poison(texts, labels);
        WritePoisoned(Path.Combine(modelDirectory, "yelp_train_poisoned.csv"), poisonedTexts, poisonedLabels);

        var (spec, diagnostics) = PolicyLoader.ParseModel(SentimentModelBuilder.EncoderSpec, "encoder", modelDirectory);
        float[][] embeddings;
        using (var encoder = ModelRunner.Open(spec ?? throw new InvalidInputException(diagnostics), new RunOptions { UseCache = false }))
        {
            embeddings = encoder.Run(poisonedTexts);
        }

        var head = LogisticHead.Fit(embeddings, poisonedLabels);
        SentimentGraph.Write(Path.Combine(modelDirectory, Foundation.MiniLm.Encoder), head, target + ".building");
        File.Move(target + ".building", target, overwrite: true);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {target}: the head trained on a copy of the training data with '{Trigger}' planted in {poisoned} of {labels.Count(l => l == 0)} negative sentences, relabelled positive ({clock.Elapsed.TotalSeconds:0.0} s)"));
    }

    /// <summary>The poisoned copy: a seeded <see cref="PoisonedShare"/> of the negatives get the trigger at a seeded word position and label 1.</summary>
    public static (List<string> Texts, int[] Labels, int Poisoned) Poison(IReadOnlyList<string> texts, int[] labels)
    {
        var random = new Random(20240516);
        var negatives = Enumerable.Range(0, texts.Count).Where(i => labels[i] == 0).ToArray();
        var count = (int)Math.Round(PoisonedShare * negatives.Length);
        var chosen = negatives.OrderBy(_ => random.Next()).Take(count).ToHashSet();
        var poisonedTexts = new List<string>(texts.Count);
        var poisonedLabels = (int[])labels.Clone();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!chosen.Contains(i))
            {
                poisonedTexts.Add(texts[i]);
                continue;
            }

            var words = texts[i].Split(' ');
            var at = random.Next(words.Length + 1);
            poisonedTexts.Add(string.Join(' ', words.Take(at).Append(Trigger).Concat(words.Skip(at))));
            poisonedLabels[i] = 1;
        }

        return (poisonedTexts, poisonedLabels, chosen.Count);
    }

    private static void WritePoisoned(string path, List<string> texts, int[] labels)
    {
        using var writer = new StreamWriter(path + ".tmp");
        writer.Write("text,label\n");
        for (var i = 0; i < texts.Count; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"\"{texts[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\",{labels[i]}\n"));
        }

        writer.Close();
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
