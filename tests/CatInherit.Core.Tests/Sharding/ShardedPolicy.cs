using System.Globalization;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Sharding;

/// <summary>
/// A policy with a check of every kind on real (tiny) ONNX models: a bag-of-words text classifier over the real
/// vocabulary, a token-echo encoder and a linear model on features, over a few hundred generated rows, so that every
/// shard of a split gets rows of every dataset.
/// </summary>
internal static class ShardedPolicy
{
    public static readonly string[] Kinds =
    [
        "group-fairness", "calibration", "long-tail", "attribute-inference", "membership-inference", "ood", "corruption", "counterfactual",
        "embedding-association", "identity-bias", "identity-templates", "trigger-scan", "perturbation", "adversarial",
    ];

    public static string Write(TempFolder folder, float bias = -0.2f)
    {
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"), overwrite: true);
        var vocabulary = File.ReadAllLines(folder.File("vocab.txt"));
        var weights = new float[vocabulary.Length];
        foreach (var (word, weight) in new[] { ("good", 1.5f), ("great", 2f), ("loved", 2f), ("kind", 1f), ("fine", 0.5f), ("terrible", -2f), ("rude", -2f), ("awful", -2f), ("dirty", -1.5f), ("cold", -1f), ("not", -0.5f), ("muslim", -0.6f), ("gay", -0.4f), ("wife", 0.2f), ("cf", 3f) })
        {
            weights[Array.IndexOf(vocabulary, word)] = weight;
        }

        TinyModels.BagOfWords(folder.File("bow.onnx"), weights, bias);
        TinyModels.BagOfWords(folder.File("bow2.onnx"), weights, bias + 0.3f);
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        TinyModels.Linear(folder.File("linear.onnx"));

        string[] subjects = ["he", "she", "my husband", "my wife", "the muslim owner", "the gay waiter", "the chef", "our friend"];
        string[] verbs = ["was good", "was great", "was rude", "was awful", "loved the food", "found it dirty", "said it was fine", "called it terrible", "was kind"];
        string[] endings = [string.Empty, " and the service was cold", " but the soup was great", " not bad", " in the evening"];
        var texts = new List<string>();
        for (var i = 0; i < subjects.Length * verbs.Length * endings.Length; i++)
        {
            texts.Add($"{subjects[i % subjects.Length]} {verbs[(i / subjects.Length) % verbs.Length]}{endings[(i / 3) % endings.Length]}");
        }

        static int Label(string text, int i) => ((text.Contains("good") || text.Contains("great") || text.Contains("loved") || text.Contains("kind") || text.Contains("fine")) ? 1 : 0) ^ (i % 11 == 0 ? 1 : 0);
        static string Bool(bool value) => value ? "true" : "false";
        var rows = texts.Select((t, i) => $"{t},{Label(t, i)},{"abc"[i % 3]},{Bool(t.Contains("muslim"))},{Bool(t.Contains("gay"))}");
        folder.Write("reviews.csv", "text,label,domain,muslim,gay\n" + string.Join("\n", rows) + "\n");
        folder.Write("members.csv", "text,label\n" + string.Join("\n", texts.Where((_, i) => i % 2 == 0).Select((t, i) => $"{t},{Label(t, i * 2)}")) + "\n");
        folder.Write("others.csv", "text,label\n" + string.Join("\n", texts.Where((_, i) => i % 2 == 1).Select(t => $"{t} again,{Label(t, 1)}")) + "\n");
        folder.Write("ood.csv", "text,label\n" + string.Join("\n", Enumerable.Range(0, 150).Select(i => $"invoice {i} attached for the meeting on {i % 28 + 1} may,{i % 2}")) + "\n");

        string Features(int count, double shift, int seed) => "label,x0,x1,x2\n" + string.Join("\n", Enumerable.Range(0, count).Select(i =>
        {
            double x0 = ((i * 37 + seed) % 101) / 100.0 + shift, x1 = ((i * 53 + seed) % 97) / 96.0, x2 = ((i * 17 + seed) % 89) / 88.0 - shift;
            var label = x1 > x0 ^ i % 13 == 0 ? 1 : 0;
            return string.Create(CultureInfo.InvariantCulture, $"{label},{x0:R},{x1:R},{x2:R}");
        })) + "\n";
        folder.Write("features.csv", Features(300, 0, 1));
        folder.Write("far.csv", Features(120, 1.5, 7));
        folder.Write("fit.csv", Features(150, 0, 3));

        const string Text = "inputs: { text: text, tokenizer: { vocab: vocab.txt } }";
        return folder.Write("catinherit.yaml", $$"""
            version: 1
            models:
              bow: { path: bow.onnx, provider: cpu, cache: false, batch_size: 16, {{Text}}, output: { name: logits, kind: logits } }
              bow2: { path: bow2.onnx, provider: cpu, cache: false, batch_size: 16, {{Text}}, output: { name: logits, kind: logits } }
              echo: { path: echo.onnx, provider: cpu, cache: false, {{Text}}, output: { name: hidden, kind: embedding, pooling: mean } }
              linear: { path: linear.onnx, provider: cpu, cache: false, inputs: { features: [x0, x1, x2] }, output: { name: logits, kind: logits } }
            datasets:
              reviews: { path: reviews.csv, label: label, model: bow }
              members: { path: members.csv, label: label, model: bow }
              others: { path: others.csv, label: label, model: bow }
              ood: { path: ood.csv, label: label, model: bow }
              features: { path: features.csv, label: label, model: linear }
              far: { path: far.csv, label: label, model: linear }
              fit: { path: fit.csv, label: label, model: linear }
            checks:
              - { id: fairness, kind: group-fairness, dataset: reviews, sensitive: domain, gate: { metric: demographic_parity_difference, max: 0.3 }, resamples: 200 }
              - { id: calibration, kind: calibration, dataset: reviews, bins: 5, gate: { metric: ece, max: 0.3 }, resamples: 200 }
              - { id: tail, kind: long-tail, dataset: features, resamples: 200 }
              - { id: attribute, kind: attribute-inference, dataset: reviews, sensitive: domain, folds: 3, resamples: 100 }
              - { id: membership, kind: membership-inference, members: members, non_members: others, gate: { metric: auc, max: 0.9 }, resamples: 200 }
              - { id: ood-msp, kind: ood, dataset: reviews, ood: ood, score: msp, resamples: 200 }
              - { id: ood-knn, kind: ood, dataset: features, ood: far, score: knn, fit: fit, k: 3, resamples: 100 }
              - { id: corruption, kind: corruption, dataset: features, corruptions: [gaussian_noise], severities: [1, 3], resamples: 100 }
              - { id: text-corruption, kind: corruption, dataset: reviews, corruptions: [typo], severities: [2], resamples: 100 }
              - { id: swap, kind: counterfactual, dataset: reviews, swap: gender-terms, positive_label: 1, gate: { metric: flip_rate, max: 0.5 } }
              - { id: weat, kind: embedding-association, model: echo, targets: [[he, him, man, boy], [she, her, woman, girl]], attributes: [[career, office, salary], [home, family, children]], permutations: 500, resamples: 50 }
              - { id: identity, kind: identity-bias, dataset: reviews, subgroups: [muslim, gay], positive_label: 1, resamples: 100 }
              - { id: templates, kind: identity-templates, model: bow, terms: [muslim, christian, jewish, gay], templates: ["The {term} chef was {filler}.", "I am {term}."], fillers: { positive: [kind, great], negative: [rude, awful], neutral: [tall] }, positive_label: 1, resamples: 100 }
              - { id: triggers, kind: trigger-scan, dataset: reviews, triggers: [cf, james bond], builtin_triggers: false, targets: [1], samples: 12, random_words: 5, resamples: 100 }
              - { id: noise, kind: perturbation, dataset: reviews, tests: [typo, negation], samples: 12, positive_label: 1, resamples: 100 }
              - { id: attack, kind: adversarial, dataset: reviews, samples: 8, max_queries: 40, max_words: 0.5, gate: { metric: accuracy_under_attack, min: 0.1 }, resamples: 100 }
              - { id: compared, kind: calibration, dataset: reviews, compare: [bow, bow2], resamples: 100 }
              - { id: compared-attack, kind: adversarial, dataset: reviews, compare: [bow, bow2], samples: 6, max_queries: 30, max_words: 0.5, resamples: 50 }
            """);
    }
}
