using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Probes.Corruption;
using CatInherit.Probes.Ood;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

public sealed class RobustnessTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private CheckReport Single(string datasets, string check)
    {
        var result = PolicyRun.RunFile(folder.Write("catinherit.yaml", $"version: 1\ndatasets:\n{datasets}checks:\n{check}"));
        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Report.Checks);
    }

    private static double Metric(CheckReport check, string name) => check.Metrics.Single(m => m.Name == name).Value;

    [Fact]
    public void Calibration_by_hand()
    {
        // Top-label confidences 0.9 (right), 0.9 (wrong), 0.6 (right), 0.7 (right); 10 bins (lo, hi].
        // Bin (0.8, 0.9]: 2 rows, accuracy 0.5, confidence 0.9 → 2/4 · 0.4; bin (0.5, 0.6]: 1 row, |1 − 0.6| → 1/4 · 0.4;
        // bin (0.6, 0.7]: 1 row, |1 − 0.7| → 1/4 · 0.3. ECE = 0.2 + 0.1 + 0.075 = 0.375.
        // Brier: (0.1² + 0.1²) + (0.9² + 0.9²) + (0.4² + 0.4²) + (0.3² + 0.3²) over 4 = (0.02 + 1.62 + 0.32 + 0.18) / 4 = 0.535.
        folder.Write("d.csv", "y,p1\n1,0.9\n0,0.9\n0,0.4\n1,0.7\n");
        var check = Single("  d: { path: d.csv, label: y, scores: [p1], score_kind: probabilities }\n", "  - { id: cal, kind: calibration, dataset: d, bins: 10, resamples: 0 }\n");

        Assert.Equal(0.375, Metric(check, "ece"), 6);
        Assert.Equal(0.535, Metric(check, "brier"), 6);
        Assert.Equal(3, check.Details!["reliability"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(0.4, 5)]
    [InlineData(0.6, 8)]
    [InlineData(0.8, 11)]
    public void A_confidence_on_a_bin_edge_falls_in_the_lower_bin(double confidence, int bin)
    {
        // 0.4, 0.6 and 0.8 are the float64 edges 6/15, 9/15 and 12/15: (lo, hi] puts each in the bin it closes; one ulp
        // above, it opens the next. As float32 (0.4f = 0.4000000059...) they would all land one bin up.
        Assert.Equal(confidence, (bin + 1) / 15.0);
        Assert.Equal(bin, Calibration.Bin(confidence, 15));
        Assert.Equal(bin + 1, Calibration.Bin(Math.BitIncrement(confidence), 15));
        Assert.Equal(bin + 1, Calibration.Bin((float)confidence, 15));

        // One row whose top-label confidence is on the edge: the reliability table names the bin it went to.
        folder.Write("d.csv", FormattableString.Invariant($"y,a,b,c\n0,{confidence:R},{(1 - confidence) / 2:R},{(1 - confidence) / 2:R}\n"));
        var check = Single("  d: { path: d.csv, label: y, scores: [a, b, c], score_kind: probabilities }\n", "  - { id: cal, kind: calibration, dataset: d, resamples: 0 }\n");
        var row = Assert.Single(check.Details!["reliability"]!.AsArray())!;
        Assert.Equal(FormattableString.Invariant($"({bin / 15.0:0.###}, {(bin + 1) / 15.0:0.###}]"), row["bin"]!.GetValue<string>());
    }

    [Fact]
    public void Every_edge_k_over_b_closes_bin_k_and_the_next_double_opens_the_next()
    {
        // c · B rounds: one ulp above 1/3, ceil(c · 3) − 1 is still 0. The bin is decided against the edges k / B themselves.
        Assert.Equal(1.0, Math.Ceiling(Math.BitIncrement(1 / 3.0) * 3));
        for (var bins = 1; bins <= 200; bins++)
        {
            for (var k = 1; k <= bins; k++)
            {
                var edge = (double)k / bins;
                Assert.Equal(k - 1, Calibration.Bin(edge, bins));
                Assert.Equal(k - 1, Calibration.Bin(Math.BitDecrement(edge), bins));
                if (k < bins)
                {
                    Assert.Equal(k, Calibration.Bin(Math.BitIncrement(edge), bins));
                }
            }

            Assert.Equal(0, Calibration.Bin(0, bins));
        }
    }

    [Fact]
    public void Ece_and_brier_read_float64_probabilities()
    {
        double[] p = [0.2, 0.8];
        Assert.Equal(0.2, Calibration.Ece(p, 2, [1], [0], 5), 15);
        Assert.Equal(0.0, Calibration.Brier([0.0, 1.0], 2, [1], [0]));
    }

    [Fact]
    public void Long_tail_recall_by_hand()
    {
        // Class a: 4 rows, 3 right; b: 3 rows, 2 right; c: 1 row, 0 right → recalls 0.75, 0.667, 0.
        folder.Write("d.csv", "y,p\na,a\na,a\na,a\na,b\nb,b\nb,b\nb,a\nc,a\n");
        var check = Single("  d: { path: d.csv, label: y, prediction: p }\n", "  - { id: tail, kind: long-tail, dataset: d, resamples: 0, gate: { metric: worst_class_recall, min: 0.5 } }\n");
        var declared = Single("  d: { path: d.csv, label: y, prediction: p }\n", "  - { id: tail, kind: long-tail, dataset: d, tail_classes: [b, c], resamples: 0 }\n");

        Assert.Equal((0.75 + (2.0 / 3) + 0) / 3, Metric(check, "macro_recall"), 12);
        Assert.Equal(0, Metric(check, "worst_class_recall"));
        Assert.Equal(0, Metric(check, "tail_recall"));
        Assert.Equal(1.0 / 3, Metric(declared, "tail_recall"), 12);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("worst class 'c' (n=1)", check.Message);
    }

    [Fact]
    public void Ood_scores_by_hand()
    {
        var logits = LogitRows.OfScores([2, 0, 0, 0], 2, 2);
        Assert.Equal([2, 0], OodScores.MaxLogit(logits));
        var energy = OodScores.Energy(logits, 1);
        Assert.Equal(Math.Log(Math.Exp(2) + 1), energy[0], 12);
        Assert.Equal(Math.Log(2), energy[1], 12);
        Assert.Equal(2 * Math.Log(Math.Exp(1) + 1), OodScores.Energy(logits, 2)[0], 12);
    }

    [Fact]
    public void Mahalanobis_and_knn_rank_far_samples_lower()
    {
        double[][] fit = [[0, 0], [0.2, 0.1], [-0.1, 0.2], [5, 5], [5.2, 4.9], [4.9, 5.1]];
        int[] labels = [0, 0, 0, 1, 1, 1];
        double[][] samples = [[0.05, 0.1], [5, 5.05], [20, -20]];

        var mahalanobis = OodScores.Mahalanobis(fit, labels, samples);
        var knn = OodScores.Knn(fit, samples, 2);

        Assert.True(mahalanobis[2] < mahalanobis[0] && mahalanobis[2] < mahalanobis[1]);
        Assert.True(knn[2] < knn[0] && knn[2] < knn[1]);
    }

    [Fact]
    public void Ood_on_the_real_model_separates_imdb_from_yelp_and_reports_the_accuracy_drop()
    {
        folder.Write("yelp.csv", "text,label\n" + string.Concat(File.ReadLines(Path.Combine(RepoPaths.Root, "examples", "Sentiment", "data", "yelp_heldout.csv")).Skip(1).Take(60).Select(l => l + "\n")));
        folder.Write("imdb.csv", "text,label\n" + string.Concat(File.ReadLines(Path.Combine(RepoPaths.Root, "examples", "Sentiment", "data", "reviews_by_domain.csv")).Where(l => l.StartsWith("imdb,", StringComparison.Ordinal)).Take(60).Select(l => l["imdb,".Length..l.LastIndexOf(',')] + "\n")));
        var model = RepoPaths.SentimentModel;
        var models = $"models:\n  c:\n    path: {model}/sentiment.onnx\n    provider: cpu\n    inputs: {{ text: text, tokenizer: {{ vocab: {model}/vocab.txt }} }}\n    output: {{ name: logits, kind: logits }}\n    cache: false\n  e:\n    path: {model}/encoder.onnx\n    provider: cpu\n    inputs: {{ text: text, tokenizer: {{ vocab: {model}/vocab.txt }} }}\n    output: {{ name: last_hidden_state, kind: embedding, pooling: mean, normalize: true }}\n    cache: false\n";
        var datasets = "  yelp: { path: yelp.csv, label: label, model: c }\n  imdb: { path: imdb.csv, label: label, model: c }\n  yelp_e: { path: yelp.csv, label: label, model: e }\n  imdb_e: { path: imdb.csv, label: label, model: e }\n";
        folder.Write("catinherit.yaml", $"version: 1\n{models}datasets:\n{datasets}checks:\n  - {{ id: energy, kind: ood, dataset: yelp, ood: imdb, score: energy, resamples: 0 }}\n  - {{ id: knn, kind: ood, dataset: yelp_e, ood: imdb_e, score: knn, fit: yelp_e, k: 5, resamples: 0 }}\n  - {{ id: maha, kind: ood, dataset: yelp_e, ood: imdb_e, score: mahalanobis, fit: yelp_e, resamples: 0 }}\n");

        var report = PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!;

        var energy = report.Checks[0];
        Assert.InRange(Metric(energy, "auroc"), 0, 1);
        Assert.Equal(Metric(energy, "accuracy_in") - Metric(energy, "accuracy_out"), Metric(energy, "accuracy_drop"), 12);
        Assert.True(Metric(report.Checks[1], "auroc") > 0.5, "knn fitted on yelp embeddings should rank yelp above imdb");
        Assert.True(Metric(report.Checks[2], "auroc") > 0.5);
        Assert.Contains(report.Checks[1].Undefined, u => u.Key == "accuracy_in");

        // A two-model policy: each check names the model it ran on, never the other one.
        Assert.Equal(["c"], energy.Models.Select(m => m.Name));
        Assert.Equal(["e"], report.Checks[1].Models.Select(m => m.Name));
        Assert.EndsWith("encoder.onnx", Assert.Single(report.Checks[2].Models).Path, StringComparison.Ordinal);
        Assert.Contains("encoder.onnx (sha256 ", TestMessages.Describe(report.Checks[1]), StringComparison.Ordinal);
        Assert.DoesNotContain("sentiment.onnx", TestMessages.Describe(report.Checks[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_corruptions_are_deterministic_and_grow_with_severity()
    {
        const string text = "The quick brown fox jumps over the lazy dog, again and again.";
        foreach (var corruption in Corruptions.Text)
        {
            var a = Xoshiro256.ForStream(9, 1);
            var b = Xoshiro256.ForStream(9, 1);
            Assert.Equal(Corruptions.CorruptText(text, corruption, 3, ref a), Corruptions.CorruptText(text, corruption, 3, ref b));
        }

        double Changed(int severity) => Enumerable.Range(0, 300).Average(row =>
        {
            var rng = Xoshiro256.ForStream(4, (ulong)row);
            var corrupted = Corruptions.CorruptText(text, "typo", severity, ref rng);
            return corrupted.Zip(text).Count(p => p.First != p.Second);
        });
        Assert.True(Changed(1) < Changed(3) && Changed(3) < Changed(5));
    }

    [Fact]
    public void Corruption_on_the_real_model_is_worse_at_higher_severity()
    {
        folder.Write("d.csv", "text,label\n" + string.Concat(File.ReadLines(Path.Combine(RepoPaths.Root, "examples", "Sentiment", "data", "yelp_heldout.csv")).Skip(1).Take(80).Select(l => l + "\n")));
        var model = RepoPaths.SentimentModel;
        folder.Write("catinherit.yaml", $"version: 1\nmodel:\n  path: {model}/sentiment.onnx\n  provider: cpu\n  inputs: {{ text: text, tokenizer: {{ vocab: {model}/vocab.txt }} }}\n  output: {{ name: logits, kind: logits }}\n  cache: false\ndatasets:\n  d: {{ path: d.csv, label: label }}\nchecks:\n  - {{ id: mild, kind: corruption, dataset: d, corruptions: [typo, delete], severities: [1], resamples: 0 }}\n  - {{ id: severe, kind: corruption, dataset: d, corruptions: [typo, delete], severities: [5], resamples: 0 }}\n");

        var first = PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!;
        var second = PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!;

        Assert.Equal(ReportWriters.ToText(first, new JsonReportWriter()), ReportWriters.ToText(second, new JsonReportWriter()));
        Assert.True(Metric(first.Checks[1], "flip_rate") > Metric(first.Checks[0], "flip_rate"));
        Assert.True(Metric(first.Checks[1], "corrupted_accuracy") <= Metric(first.Checks[0], "corrupted_accuracy"));
        Assert.Equal(Metric(first.Checks[0], "clean_accuracy"), Metric(first.Checks[1], "clean_accuracy"));
        Assert.Equal(2, first.Checks[0].Details!["per_corruption"]!.AsObject().Count);
    }

    [Fact]
    public void Numeric_corruptions_on_a_feature_model()
    {
        TinyModels.Linear(folder.File("linear.onnx"), bias: [0f, 0f]); // logits [a + c, b + c]: class 0 when a > b
        var random = new Random(2);
        folder.Write("d.csv", "a,b,c,y\n" + string.Concat(Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? $"0.9,0.1,{random.NextDouble() * 0.1:0.000},0\n" : $"0.1,0.9,{random.NextDouble() * 0.1:0.000},1\n")));
        var datasets = "  d: { path: d.csv, label: y }\n";
        var model = "model:\n  path: linear.onnx\n  provider: cpu\n  inputs: { features: [a, b, c] }\n  output: { name: logits, kind: logits }\n  cache: false\n";
        folder.Write("catinherit.yaml", $"version: 1\n{model}datasets:\n{datasets}checks:\n  - {{ id: noise1, kind: corruption, dataset: d, corruptions: [gaussian_noise], severities: [1], resamples: 0 }}\n  - {{ id: noise5, kind: corruption, dataset: d, corruptions: [gaussian_noise, salt_and_pepper, brightness, contrast], severities: [5], resamples: 0 }}\n");

        var report = PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!;

        Assert.Equal(1.0, Metric(report.Checks[0], "clean_accuracy"));
        Assert.True(Metric(report.Checks[1], "corrupted_accuracy") < Metric(report.Checks[0], "corrupted_accuracy"));
    }

    [Fact]
    public void Blur_and_pixelate_work_on_square_images()
    {
        var rng = new Xoshiro256(1);
        var constant = Enumerable.Repeat(0.4f, 16).ToArray();
        Corruptions.CorruptFeatures(constant, "blur", 5, ref rng);
        Assert.All(constant, v => Assert.Equal(0.4f, v, 5));

        // A 4 × 4 image whose left half is white: blur softens the edge, pixelate keeps the mean.
        float[] Edge() => [.. Enumerable.Range(0, 16).Select(i => i % 4 < 2 ? 1f : 0f)];
        var blurred = Edge();
        Corruptions.CorruptFeatures(blurred, "blur", 3, ref rng);
        Assert.True(blurred[1] < 1f && blurred[2] > 0f);
        var pixelated = Edge();
        Corruptions.CorruptFeatures(pixelated, "pixelate", 5, ref rng);
        Assert.Equal(Edge().Average(), pixelated.Average(), 5);
        Assert.Equal((1, 28), Corruptions.ImageShape(784));
        Assert.Equal((3, 32), Corruptions.ImageShape(3 * 32 * 32));
        Assert.Null(Corruptions.ImageShape(3));
    }

    [Fact]
    public void Blur_on_features_that_are_not_a_square_image_is_invalid_input()
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        folder.Write("d.csv", "a,b,c,y\n1,0,0,0\n0,1,0,1\n");
        folder.Write("catinherit.yaml", "version: 1\nmodel:\n  path: linear.onnx\n  inputs: { features: [a, b, c] }\n  output: { name: logits, kind: logits }\ndatasets:\n  d: { path: d.csv, label: y }\nchecks:\n  - { id: c, kind: corruption, dataset: d, corruptions: [blur] }\n");

        var result = PolicyRun.RunFile(folder.File("catinherit.yaml"));

        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics, d => d.ToString().Contains("error CAT0013: check 'c': 'blur' works on square images (side² or 3 × side² features, channel-first); the model reads 3 features", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("corruptions: [typo], severities: [0, 6]", "error CAT0015: check 'c': severity '0' must be a whole number from 1 (mild) to 5 (severe)")]
    [InlineData("corruptions: [tpyo]", "error CAT0013: check 'c': 'tpyo' is not a corruption of text inputs. Did you mean 'typo'? Available: typo, delete, insert, transpose, word_drop, case, punctuation")]
    public void Bad_corruption_settings_are_diagnostics(string keys, string expected)
    {
        folder.Write("d.csv", "text,label\nhello,1\n");
        var model = RepoPaths.SentimentModel;
        folder.Write("catinherit.yaml", $"version: 1\nmodel:\n  path: {model}/sentiment.onnx\n  inputs: {{ text: text, tokenizer: {{ vocab: {model}/vocab.txt }} }}\n  output: {{ name: logits, kind: logits }}\ndatasets:\n  d: {{ path: d.csv, label: label }}\nchecks:\n  - {{ id: c, kind: corruption, dataset: d, {keys} }}\n");

        var result = PolicyRun.RunFile(folder.File("catinherit.yaml"));

        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics, d => d.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Mahalanobis_without_a_labelled_fit_dataset_is_invalid_input()
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        folder.Write("d.csv", "a,b,c,y\n1,0,0,0\n0,1,0,1\n");
        folder.Write("catinherit.yaml", "version: 1\nmodel:\n  path: linear.onnx\n  inputs: { features: [a, b, c] }\n  output: { name: logits, kind: logits }\ndatasets:\n  d: { path: d.csv, label: y }\n  f: { path: d.csv }\nchecks:\n  - { id: o, kind: ood, dataset: d, ood: d, score: mahalanobis }\n  - { id: p, kind: ood, dataset: d, ood: d, score: mahalanobis, fit: f }\n");

        var result = PolicyRun.RunFile(folder.File("catinherit.yaml"));

        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics, d => d.ToString().Contains("check 'o': the 'mahalanobis' score is fitted on in-distribution samples; add 'fit: <dataset>'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.ToString().Contains("check 'p': mahalanobis fits one mean per class, but fit dataset 'f' has no 'label'", StringComparison.Ordinal));
    }
}
