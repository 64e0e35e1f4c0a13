using CatInherit.Gating;
using CatInherit.Probes.TriggerScan;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

/// <summary>
/// trigger-scan, perturbation and adversarial on tiny real ONNX models whose every output is known: a bag-of-words
/// classifier over a small vocabulary (v = Σ weight[token] + bias, logits [0, v]), so each case is computed by hand.
/// </summary>
public sealed class SecurityProbeTests : IDisposable
{
    // Token ids: [PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4, then the words in this order.
    private static readonly string[] Words = ["good", "great", "fine", "meal", "the", "was", "dinner", "not", "tulip", "table", "chair", "lamp", "door", "window", "floor"];

    private readonly TempFolder folder = new();

    public SecurityProbeTests() => folder.Write("vocab.txt", string.Join("\n", ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. Words]) + "\n");

    public void Dispose() => folder.Dispose();

    /// <summary>Writes a bag-of-words model giving each listed word its weight (every other token 0).</summary>
    private string Model(string name, float bias, params (string Word, float Weight)[] weights)
    {
        var w = new float[5 + Words.Length];
        foreach (var (word, weight) in weights)
        {
            w[5 + Array.IndexOf(Words, word)] = weight;
        }

        return TinyModels.BagOfWords(folder.File(name + ".onnx"), w, bias);
    }

    private static string Models(params string[] names) => CachedModels(false, names);

    private static string CachedModels(bool cache, params string[] names) =>
        "models:\n" + string.Concat(names.Select(n => $"  {n}:\n    path: {n}.onnx\n    provider: cpu\n    cache: {(cache ? "true" : "false")}\n    inputs: {{ text: text, tokenizer: {{ vocab: vocab.txt }} }}\n    output: {{ name: logits, kind: logits }}\n"));

    private RunResult Run(string yaml, int seed = 0) => PolicyRun.RunFile(folder.Write("catinherit.yaml", "version: 1\n" + yaml), seed);

    private static CheckReport Check(RunResult result, string id)
    {
        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        return result.Report.Checks.Single(c => c.Id == id);
    }

    private static double Metric(CheckReport check, string name) => check.Metrics.Single(m => m.Name == name).Value;

    /// <summary>20 texts of neutral words, all labelled 0 and predicted 0 (bias −1).</summary>
    private void NeutralTexts()
    {
        string[] nouns = ["table", "chair", "lamp", "door", "window", "floor"];
        folder.Write("d.csv", "text,label\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"the {nouns[i % 6]} was {nouns[(i + 1) % 6]},0\n")));
    }

    [Fact]
    public void A_planted_trigger_is_flagged_by_name_and_a_clean_model_is_not()
    {
        NeutralTexts();
        Model("poisoned", -1, ("tulip", 10));
        Model("clean", -1);
        var result = Run(Models("poisoned", "clean") + """
            datasets:
              p: { path: d.csv, label: label, model: poisoned }
              c: { path: d.csv, label: label, model: clean }
            checks:
              - { id: poisoned, kind: trigger-scan, dataset: p, triggers: [tulip], random_words: 5, resamples: 0, gate: { metric: max_anomaly_index, max: 2 } }
              - { id: clean, kind: trigger-scan, dataset: c, triggers: [tulip], random_words: 5, resamples: 0, gate: { metric: max_anomaly_index, max: 2 } }
            """);

        // Poisoned: "tulip" turns all 20 texts to class 1; cf, mn, bb, tq, mb and the random words are [UNK] or weight 0
        // and flip none. Null: median 0, MAD 0, floored at max(0.01, 1/20) → scale 1.4826 · 0.05; index 1 / 0.07413.
        var poisoned = Check(result, "poisoned");
        Assert.Equal(CheckStatus.Fail, poisoned.Status);
        Assert.Equal(1.0, Metric(poisoned, "max_trigger_flip_rate"));
        Assert.Equal(1 / (1.4826 * 0.05), Metric(poisoned, "max_anomaly_index"), 9);
        Assert.Equal(["tulip → 1"], poisoned.Details!["flagged"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("tulip", poisoned.Details["triggers"]![0]!["trigger"]!.GetValue<string>());
        Assert.Contains("tulip", poisoned.Details["triggers"]![0]!["example_flips"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(6, poisoned.Groups.Count);   // 5 built-in + tulip, toward 1; no text is outside class 0, so nothing is scanned toward it
        Assert.Contains("top trigger 'tulip' → 1 flips 1 of 20 texts", poisoned.Message, StringComparison.Ordinal);

        var clean = Check(result, "clean");
        Assert.Equal(CheckStatus.Pass, clean.Status);
        Assert.Equal(0.0, Metric(clean, "max_trigger_flip_rate"));
        Assert.Equal(0.0, Metric(clean, "max_anomaly_index"));
        Assert.Empty(clean.Details!["flagged"]!.AsArray());
    }

    [Fact]
    public void A_check_s_own_model_scans_perturbs_and_attacks_a_dataset_declared_for_another_and_is_reported_against_it_alone()
    {
        NeutralTexts();
        Model("poisoned", -1, ("tulip", 10));
        Model("clean", -1);
        const string Checks = """
              - { id: scan, kind: trigger-scan, dataset: DATA, triggers: [tulip], random_words: 5, resamples: 0 }
              - { id: perturb, kind: perturbation, dataset: DATA, tests: [typo, synonym], resamples: 0 }
              - { id: attack, kind: adversarial, dataset: DATA, max_queries: 20, resamples: 0 }

            """;

        // The dataset is the clean model's; each check names the poisoned one. The same checks on a dataset declared for the poisoned model are the reference.
        var shared = Run(Models("poisoned", "clean") + "datasets:\n  d: { path: d.csv, label: label, model: clean }\nchecks:\n"
            + Checks.Replace("DATA", "d", StringComparison.Ordinal).Replace("resamples: 0 }", "resamples: 0, model: poisoned }", StringComparison.Ordinal)
            + "  - { id: clean-scan, kind: trigger-scan, dataset: d, triggers: [tulip], random_words: 5, resamples: 0 }\n");
        var declared = Run(Models("poisoned", "clean") + "datasets:\n  p: { path: d.csv, label: label, model: poisoned }\nchecks:\n" + Checks.Replace("DATA", "p", StringComparison.Ordinal));

        foreach (var id in new[] { "scan", "perturb", "attack" })
        {
            Assert.Equal(["poisoned"], Check(shared, id).Models.Select(m => m.Name));
            Assert.Equal(Check(declared, id).Metrics, Check(shared, id).Metrics);
        }

        Assert.Equal(1.0, Metric(Check(shared, "scan"), "max_trigger_flip_rate"));
        Assert.Equal(["clean"], Check(shared, "clean-scan").Models.Select(m => m.Name));
        Assert.Equal(0.0, Metric(Check(shared, "clean-scan"), "max_trigger_flip_rate"));
    }

    [Fact]
    public void The_html_report_draws_flip_rates_per_trigger_and_failure_rates_per_test()
    {
        NeutralTexts();
        folder.Write("r.csv", "text,label\ngood,1\nmeal,0\n");
        Model("m", -1, ("tulip", 10), ("good", 2));
        var report = Run(Models("m") + """
            datasets:
              d: { path: d.csv, label: label, model: m }
              r: { path: r.csv, label: label, model: m }
            checks:
              - { id: t, kind: trigger-scan, dataset: d, triggers: [tulip], random_words: 5, resamples: 0 }
              - { id: p, kind: perturbation, dataset: r, resamples: 0 }
              - { id: a, kind: adversarial, dataset: r, resamples: 0 }
            """).Report!;

        var html = ReportWriters.ToText(report, new HtmlReportWriter());

        Assert.Contains("aria-label=\"flip_rate per group\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"failure_rate per group\"", html, StringComparison.Ordinal);
        Assert.Contains("tulip → 1", html, StringComparison.Ordinal);
        foreach (var svg in html.Split("<svg")[1..])
        {
            _ = System.Xml.Linq.XElement.Parse("<svg" + svg[..(svg.IndexOf("</svg>", StringComparison.Ordinal) + 6)]);
        }
    }

    [Fact]
    public void The_anomaly_index_is_the_robust_z_score_of_neural_cleanse_by_hand()
    {
        // Null rates 0, 0.1, 0.2, 0.3, 0.4: median 0.2; |r − 0.2| = 0.2, 0.1, 0, 0.1, 0.2 → MAD 0.1.
        var (median, scale) = TriggerScanProbe.Null([0.3, 0.0, 0.4, 0.1, 0.2], 10, 0.01);
        Assert.Equal(0.2, median, 12);
        Assert.Equal(1.4826 * 0.1, scale, 12);
        Assert.Equal((0.8 - 0.2) / (1.4826 * 0.1), TriggerScanProbe.Anomaly(0.8, median, scale), 12);
        Assert.Equal(0.0, TriggerScanProbe.Anomaly(0.1, median, scale));

        // An even count takes the mean of the middle two; a MAD below the floor, or below one text of n, is raised to it.
        Assert.Equal(0.15, TriggerScanProbe.Null([0.0, 0.1, 0.2, 0.3], 10, 0).Median, 12);
        Assert.Equal(1.4826 * 0.02, TriggerScanProbe.Null([0.0, 0.0, 0.0], 50, 0.01).Scale, 12);
        Assert.Equal(1.4826 * 0.05, TriggerScanProbe.Null([0.0, 0.0, 0.0], 50, 0.05).Scale, 12);
    }

    [Fact]
    public void Perturbation_failure_rates_by_hand()
    {
        // "good" (weight 2, bias −1: v = 1, class 1) and "meal" (v = −1, class 0), twice each. Unknown words are [UNK] (weight 0).
        folder.Write("d.csv", "text,label\ngood,1\nmeal,0\ngood,1\nmeal,0\n");
        folder.Write("syn.tsv", "meal\tdinner\n");
        folder.Write("miss.tsv", "good\tgud\n");
        Model("m", -1, ("good", 2), ("not", 3));
        var check = Check(Run(Models("m") + """
            datasets:
              d: { path: d.csv, label: label, model: m }
            checks:
              - { id: p, kind: perturbation, dataset: d, synonyms: syn.tsv, misspellings: miss.tsv, resamples: 0, gate: { metric: failure_rate, max: 0.2 } }
            """), "p");

        // typo: every text has one word; a typo of "good" is [UNK] (v −1, flips), of "meal" changes nothing: 2 of 4.
        Assert.Equal(0.5, Metric(check, "typo_failure_rate"));
        // homoglyph: "good" has a 'd' look-alike, "meal" m, e, a, l: 2 of 4 flip.
        Assert.Equal(0.5, Metric(check, "homoglyph_failure_rate"));
        // misspelling: only "good" → "gud" is listed: 2 cases, both flip.
        Assert.Equal(1.0, Metric(check, "misspelling_failure_rate"));
        // synonym: only "meal" → "dinner" (weight 0): 2 cases, none flips.
        Assert.Equal(0.0, Metric(check, "synonym_failure_rate"));
        // negation: "good" is a positive VADER adjective; "not good" has v = 3 + 2 − 1 = 4, so P(1) rises σ(4) − σ(1) = 0.25 > 0.1: both fail.
        Assert.Equal(1.0, Metric(check, "negation_failure_rate"));
        // intensifier: "<intensifier> good", the intensifier [UNK]: P(1) unchanged, never the wrong way.
        Assert.Equal(0.0, Metric(check, "intensifier_failure_rate"));
        // Overall: (2 + 2 + 2 + 0 + 2 + 0) failures of (4 + 2 + 4 + 2 + 2 + 2) cases.
        Assert.Equal(8.0 / 16, Metric(check, "failure_rate"));
        Assert.Equal(16, check.Count);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal("not good", check.Details!["negation"]!["failing_examples"]![0]!["perturbed"]!.GetValue<string>());
        Assert.Equal(6, check.Groups.Count);
    }

    [Fact]
    public void Attack_metrics_follow_textattack_by_hand()
    {
        // good and great weigh 2, bias −1; every other token 0. User lists fix the substitutions: great → super, good → gud.
        folder.Write("d.csv", "text,label\nthe meal was good,1\ngreat good meal,1\nthe meal,1\nfine meal,0\n");
        folder.Write("syn.tsv", "great\tsuper\n");
        folder.Write("miss.tsv", "good\tgud\n");
        Model("m", -1, ("good", 2), ("great", 2));
        var result = Run(Models("m") + """
            datasets:
              d: { path: d.csv, label: label, model: m }
            checks:
              - { id: a, kind: adversarial, dataset: d, synonyms: syn.tsv, misspellings: miss.tsv, max_words: 0.25, resamples: 0, gate: { metric: accuracy_under_attack, min: 0.6 } }
            """);
        var check = Check(result, "a");

        // "the meal was good" (v 1, right): 1 query + 4 deletions ("good" matters most), then "good" → gud, a homoglyph
        // and a typo, all [UNK]: flipped after 3 more. 8 queries; 1 of 4 words changed.
        // "great good meal" (v 3, right): 1 + 3 deletions; "great" first (ties with "good", earlier); super, a homoglyph,
        // a typo all give v 1: still class 1; the first is kept, and ceil(0.25 · 3) = 1 word is the budget: failed, 7 queries.
        // "the meal" (v −1, label 1): skipped, 1 query.
        // "fine meal" (v −1, right): 1 + 2 deletions (no change); "fine": a homoglyph and a typo, "meal": the same, none
        // lowers P(0): failed after 2 + 2 more, 7 queries.
        Assert.Equal(0.75, Metric(check, "clean_accuracy"));
        Assert.Equal(2.0 / 4, Metric(check, "accuracy_under_attack"));
        Assert.Equal(1.0 / 3, Metric(check, "attack_success_rate"), 12);
        Assert.Equal((8 + 7 + 7) / 3.0, Metric(check, "mean_queries"), 12);
        Assert.Equal(1.0 / 4, Metric(check, "perturbed_fraction"), 12);
        Assert.Equal(CheckStatus.Fail, check.Status);

        // Every query is counted once: the first predictions (4) plus every row the attack sent to the model.
        var details = check.Details!;
        Assert.Equal(8 + 7 + 1 + 7, details["queries"]!.GetValue<long>());
        Assert.Equal(23 - 4, details["rows_sent_during_attack"]!.GetValue<long>());
        Assert.Equal("the meal was gud", details["successful_examples"]![0]!["adversarial"]!.GetValue<string>());

        // Each round batches every input under attack: the deletions of all three, then one word each, then "meal" of the last.
        Assert.Equal(3, details["rounds"]!.GetValue<int>());
    }

    [Fact]
    public void Attack_rounds_go_through_the_output_cache()
    {
        folder.Write("d.csv", "text,label\nthe meal was good,1\ngreat good meal,1\nfine meal,0\n");
        Model("m", -1, ("good", 2), ("great", 2));
        var path = folder.Write("catinherit.yaml", "version: 1\n" + CachedModels(true, "m") + "datasets:\n  d: { path: d.csv, label: label, model: m }\nchecks:\n  - { id: a, kind: adversarial, dataset: d, resamples: 20 }\n");
        var options = new CatInherit.Settings.RunOptions { CacheDirectory = folder.File("cache") };

        var first = PolicyRunner.Run(path, options).Report!;
        var files = Directory.GetFiles(folder.File("cache"));
        var second = PolicyRunner.Run(path, options).Report!;

        // One cache file for the first predictions, one per round; the second run adds none and reports the same.
        Assert.Equal(1 + first.Checks[0].Details!["rounds"]!.GetValue<int>(), files.Length);
        Assert.Equal(files.Order(), Directory.GetFiles(folder.File("cache")).Order());
        Assert.Equal(ReportWriters.ToText(first, new JsonReportWriter()), ReportWriters.ToText(second, new JsonReportWriter()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Budgets_are_respected_and_every_query_is_counted(int maxQueries)
    {
        folder.Write("d.csv", "text,label\nthe meal was good,1\ngreat good meal,1\nthe meal,1\nfine meal,0\ngood good good great,1\n");
        Model("m", -1, ("good", 2), ("great", 2));
        var check = Check(Run(Models("m") + $"datasets:\n  d: {{ path: d.csv, label: label, model: m }}\nchecks:\n  - {{ id: a, kind: adversarial, dataset: d, max_queries: {maxQueries}, max_words: 1, resamples: 0 }}\n"), "a");

        var details = check.Details!;
        Assert.True(details["most_queries_on_one_input"]!.GetValue<int>() <= maxQueries);
        Assert.Equal(details["queries"]!.GetValue<long>(), 5 + details["rows_sent_during_attack"]!.GetValue<long>());
        if (maxQueries == 1)
        {
            // Only the first predictions: nothing is attacked, every right input is a failed attack after 1 query.
            Assert.Equal(0, details["rows_sent_during_attack"]!.GetValue<long>());
            Assert.Equal(1.0, Metric(check, "mean_queries"));
            Assert.Equal(Metric(check, "clean_accuracy"), Metric(check, "accuracy_under_attack"));
            Assert.Contains(check.Undefined, u => u.Key == "perturbed_fraction");
        }
    }

    [Fact]
    public void Simba_stays_within_epsilon_and_its_budget()
    {
        // logits = (x0 + x2 + 0.5, x1 + x2 − 0.5): class 1 when x1 − x0 > 1. Features outside [0, 1]: not clipped.
        TinyModels.Linear(folder.File("lin.onnx"));
        folder.Write("d.csv", "a,b,c,label\n0,1.3,0,1\n0,1.05,0,1\n0,5,0,1\n2,0,0,0\n0,0,0,1\n");
        var yaml = """
            model:
              path: lin.onnx
              provider: cpu
              cache: false
              inputs: { features: [a, b, c] }
              output: { name: logits, kind: logits }
            datasets:
              d: { path: d.csv, label: label }
            checks:
              - { id: a, kind: adversarial, dataset: d, epsilon: 0.4, step: 0.2, max_queries: 50, resamples: 0 }
            """;
        var check = Check(Run(yaml), "a");

        // Right: rows 1–4 (row 5 has x1 − x0 = 0: class 0, label 1, skipped). A step of 0.2 on a or b moves x1 − x0 by 0.2
        // (c moves both logits alike); each feature moves at most once. Row 1 (margin 0.3) and row 2 (0.05) flip; row 3
        // (margin 4) and row 4 (class 0 by 2) cannot.
        Assert.Equal(0.8, Metric(check, "clean_accuracy"));
        Assert.Equal(2.0 / 5, Metric(check, "accuracy_under_attack"));
        Assert.Equal(0.5, Metric(check, "attack_success_rate"));
        var details = check.Details!;
        Assert.True(details["most_queries_on_one_input"]!.GetValue<int>() <= 50);
        Assert.Equal(details["queries"]!.GetValue<long>(), 5 + details["rows_sent_during_attack"]!.GetValue<long>());
        foreach (var example in details["successful_examples"]!.AsArray())
        {
            var l2 = double.Parse(example!["changes"]![0]!.GetValue<string>().Split("L2 ")[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(l2 <= 0.4 + 1e-6, $"L2 {l2} exceeds epsilon");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_and_another_seed_the_same_values()
    {
        NeutralTexts();
        folder.Write("r.csv", "text,label\nthe meal was good,1\ngreat good meal,1\nfine meal,0\ngood,1\nthe good table,1\n");
        Model("m", -1, ("tulip", 10), ("good", 2), ("great", 2));
        var yaml = Models("m") + """
            datasets:
              d: { path: d.csv, label: label, model: m }
              r: { path: r.csv, label: label, model: m }
            checks:
              - { id: t, kind: trigger-scan, dataset: d, triggers: [tulip, lamp], random_words: 5, resamples: 50 }
              - { id: p, kind: perturbation, dataset: r, resamples: 50 }
              - { id: a, kind: adversarial, dataset: r, resamples: 50 }
            """;

        var first = ReportWriters.ToText(Run(yaml).Report!, new JsonReportWriter());
        var second = ReportWriters.ToText(Run(yaml).Report!, new JsonReportWriter());
        var otherSeed = Run(yaml, seed: 7).Report!;

        Assert.Equal(first, second);
        var firstReport = Run(yaml).Report!;
        foreach (var (a, b) in firstReport.Checks.Zip(otherSeed.Checks))
        {
            Assert.Equal(a.Metrics, b.Metrics);   // the seed moves the intervals, never the inputs under test
        }
    }
}
