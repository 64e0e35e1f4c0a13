using System.Globalization;
using System.Text;
using CatInherit.Tests.Support;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>
/// Valid starting points the mutations work from: every data format (CSV, TSV, JSONL), the check kinds that
/// run on data alone, a policy with two real (tiny) ONNX models, and one that only validates. Small, so each run
/// takes milliseconds.
/// </summary>
internal static class FuzzSeeds
{
    public static IReadOnlyList<FuzzCase> All { get; } = Build();

    private static List<FuzzCase> Build() =>
    [
        FuzzCase.FromText("fairness-csv", "check", "policy.yaml", ("policy.yaml", """
            version: 1
            datasets:
              loans:
                path: loans.csv
                label: repaid
                prediction: approved
                where: { region: [north, south] }
            checks:
              - id: parity
                kind: group-fairness
                dataset: loans
                sensitive: [sex, age]
                positive_label: 1
                min_group_size: 2
                gate: { metric: demographic_parity_difference, max: 0.6 }
                decide: interval
                resamples: 30
              - id: worst-accuracy
                kind: group-fairness
                dataset: loans
                sensitive: sex
                gate: { metric: worst_group_accuracy, min: 0.2 }
                baseline: { tolerance: 0.5 }
                resamples: 0
            """), ("loans.csv", Loans()), ("policy.worst-accuracy.verified.json", "{\n  \"check\": \"worst-accuracy\",\n  \"metrics\": { \"worst_group_accuracy\": 0.5 }\n}\n")),

        FuzzCase.FromText("scores-tsv", "check", "policy.yaml", ("policy.yaml", """
            version: 1
            datasets:
              photos:
                path: scores.tsv
                label: y
                scores: [p_cat, p_dog, p_bird]
                score_kind: probabilities
                classes: [cat, dog, bird]
                sample: 30
            checks:
              - { id: calibration, kind: calibration, dataset: photos, bins: 5, resamples: 20, gate: { metric: ece, max: 0.01 } }
              - { id: tail, kind: long-tail, dataset: photos, tail_classes: [bird], resamples: 20, gate: { metric: tail_recall, min: 0.0 } }
              - { id: site-leak, kind: attribute-inference, dataset: photos, sensitive: site, folds: 2, resamples: 10 }
            """), ("scores.tsv", Scores())),

        FuzzCase.FromText("privacy-jsonl", "check", "policy.yaml", ("policy.yaml", """
            version: 1
            datasets:
              train: { path: train.jsonl, label: label, scores: [l0, l1], score_kind: logits }
              held_out: { path: held.jsonl, label: label, scores: [l0, l1], score_kind: logits }
            checks:
              - id: membership
                kind: membership-inference
                members: train
                non_members: held_out
                attack: loss
                fpr: 0.1
                resamples: 20
                gate: { metric: auc, max: 0.95 }
              - { id: shift, kind: ood, dataset: train, ood: held_out, score: energy, temperature: 2, resamples: 20, gate: { metric: auroc, min: 0.05 } }
              - { id: identity, kind: identity-bias, dataset: train, subgroups: [muslim], resamples: 20, gate: { metric: min_bpsn_auc, min: 0.05 } }
            """), ("train.jsonl", Logits(0)), ("held.jsonl", Logits(1))),

        Models(),

        ValidateAllKinds(),
    ];

    private static string Loans()
    {
        var csv = new StringBuilder("repaid,approved,sex,age,region,note\n");
        string[] sexes = ["female", "male"];
        string[] ages = ["<30", "30-50", ">50"];
        for (var i = 0; i < 36; i++)
        {
            var note = i % 7 == 0 ? "\"late, then paid\"" : i % 11 == 0 ? "\"said \"\"fine\"\"\"" : "none";
            csv.Append(CultureInfo.InvariantCulture, $"{((i * 7) % 3 == 0 ? 0 : 1)},{((i * 5) % 4 == 0 ? 0 : 1)},{sexes[i % 2]},{ages[i % 3]},{(i % 5 == 4 ? "east" : i % 2 == 0 ? "north" : "south")},{note}\n");
        }

        return csv.ToString();
    }

    private static string Scores()
    {
        var tsv = new StringBuilder("y\tp_cat\tp_dog\tp_bird\tsite\n");
        string[] classes = ["cat", "dog", "bird"];
        for (var i = 0; i < 40; i++)
        {
            var a = 0.2 + (i % 5 * 0.1);
            var b = 0.1 + (i % 3 * 0.1);
            tsv.Append(CultureInfo.InvariantCulture, $"{classes[i % 3]}\t{a:0.##}\t{b:0.##}\t{1 - a - b:0.##}\t{(i % 4 < 2 ? "a" : "b")}\n");
        }

        return tsv.ToString();
    }

    private static string Logits(int offset)
    {
        var jsonl = new StringBuilder();
        for (var i = 0; i < 24; i++)
        {
            var label = (i + offset) % 2;
            var margin = ((i * 13) + (offset * 5)) % 17 / 4.0 - 1.5;
            jsonl.Append(CultureInfo.InvariantCulture, $"{{\"id\": {i}, \"label\": {(i % 5 == 0 ? $"\"{label}\"" : label.ToString(CultureInfo.InvariantCulture))}, \"l0\": {-margin / 2:0.###}, \"l1\": {margin / 2:0.###}, \"muslim\": {(i % 3 == 0 ? "true" : "false")}}}\n");
        }

        return jsonl.ToString();
    }

    /// <summary>Two real ONNX models: one with a fixed width of 3 features, one whose width is known only at run time.</summary>
    private static FuzzCase Models()
    {
        using var folder = new TempFolder();
        var fixedWidth = File.ReadAllBytes(TinyModels.Linear(folder.File("fixed.onnx")));
        var dynamicWidth = File.ReadAllBytes(TinyModels.Linear(folder.File("dynamic.onnx"), inputShape: [-1, -1]));
        var csv = new StringBuilder("a,b,c,label,group\n");
        for (var i = 0; i < 20; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i % 3 * 0.5},{i % 4 * 0.25},{(i % 5) - 2},{i % 2},{(i % 3 == 0 ? "x" : "y")}\n");
        }

        var policy = FuzzCase.FromText("models", "check", "policy.yaml", ("policy.yaml", """
            version: 1
            models:
              fixed:
                path: fixed.onnx
                provider: cpu
                batch_size: 7
                inputs: { features: [a, b, c] }
                output: { name: logits, kind: logits }
              dynamic:
                path: dynamic.onnx
                provider: cpu
                inputs: { features: [a, b, c] }
                output: { name: logits, kind: logits }
            datasets:
              rows: { path: rows.csv, label: label, model: fixed }
              same_rows: { path: rows.csv, label: label, model: dynamic }
            checks:
              - { id: parity, kind: group-fairness, dataset: rows, sensitive: group, resamples: 20, gate: { metric: accuracy, min: 0.1 } }
              - { id: calibration, kind: calibration, dataset: same_rows, bins: 4, resamples: 20 }
            """), ("rows.csv", csv.ToString()));
        policy.Files["fixed.onnx"] = fixedWidth;
        policy.Files["dynamic.onnx"] = dynamicWidth;
        return policy;
    }

    /// <summary>Every model-fed kind, validated only: the models are real (a token echo as encoder, a token sum as classifier), since validation reads their signatures.</summary>
    private static FuzzCase ValidateAllKinds()
    {
        using var folder = new TempFolder();
        var encoder = File.ReadAllBytes(TinyModels.TokenEcho(folder.File("encoder.onnx")));
        var classifier = File.ReadAllBytes(TinyModels.TokenSum(folder.File("classifier.onnx")));
        var policy = FuzzCase.FromText("validate-all-kinds", "validate", "policy.yaml", ("policy.yaml", """
            version: 1
            models:
              encoder:
                path: encoder.onnx
                inputs: { text: text, tokenizer: { vocab: vocab.txt, lowercase: true, max_length: 64 } }
                output: { name: hidden, kind: embedding, pooling: mean, normalize: true }
              classifier:
                path: classifier.onnx
                batch_size: 8
                inputs: { text: text, tokenizer: { vocab: vocab.txt } }
                output: { name: logits, kind: logits }
            datasets:
              reviews: { path: reviews.csv, label: label, model: classifier, where: { domain: yelp } }
              mail: { path: mail.jsonl, model: classifier }
            checks:
              - { id: swap, kind: counterfactual, dataset: reviews, swap: gender, gate: { metric: flip_rate, max: 0.05 } }
              - { id: weat, kind: embedding-association, test: weat6, model: encoder, permutations: 1000, gate: { metric: effect_size, max: 1.5 } }
              - { id: ood, kind: ood, dataset: reviews, ood: mail, score: msp, gate: { metric: auroc, min: 0.6 } }
              - { id: noise, kind: corruption, dataset: reviews, corruptions: [typo], severities: [1, 5], gate: { metric: accuracy_drop, max: 0.1 } }
              - { id: leak, kind: membership-inference, members: reviews, non_members: mail, attack: entropy, gate: { metric: auc, max: 0.6 } }
              - { id: backdoor, kind: trigger-scan, dataset: reviews, triggers: [cf, "james bond"], targets: [1], samples: 10, random_words: 5, gate: { metric: max_anomaly_index, max: 2 } }
              - { id: invariance, kind: perturbation, dataset: reviews, tests: [typo, homoglyph, negation], samples: 10, tolerance: 0.1, gate: { metric: failure_rate, max: 0.1 } }
              - { id: attack, kind: adversarial, dataset: reviews, samples: 10, max_words: 0.5, max_queries: 20, decide: interval, gate: { metric: accuracy_under_attack, min: 0.5 } }
              - { id: identity, kind: identity-bias, dataset: reviews, subgroups: [muslim], power: -5, gate: { metric: final_bias_score, min: 0.7 } }
              - id: terms
                kind: identity-templates
                model: classifier
                terms: [dixon, nonbinary]
                templates: ["{term} people are {filler}.", "I am {term}."]
                fillers: { positive: [kind], negative: [rude], neutral: [here] }
                gate: { metric: fped, max: 1 }
            """), ("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\n"),
            ("reviews.csv", "text,label,domain,muslim\n\"great, really\",1,yelp,true\nawful,0,yelp,false\n"), ("mail.jsonl", "{\"text\": \"meeting at noon\"}\n"));
        policy.Files["encoder.onnx"] = encoder;
        policy.Files["classifier.onnx"] = classifier;
        return policy;
    }
}
