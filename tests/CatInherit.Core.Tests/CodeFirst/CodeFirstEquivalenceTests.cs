using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.CodeFirst;
using CatInherit.Gating;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.CodeFirst;

/// <summary>
/// Each kind declared in code gives the report the same check written in YAML gives: the check's report.json entry
/// (status, n, models, metrics, intervals, gate, groups, details, warnings, message), byte for byte, except its line.
/// </summary>
public sealed class CodeFirstEquivalenceTests : IDisposable
{
    private readonly TempFolder folder = new();

    public CodeFirstEquivalenceTests()
    {
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
        TinyModels.Linear(folder.File("linear.onnx"));
        TinyModels.Linear(folder.File("shifted.onnx"), bias: [-0.5f, 0.5f]);
        TinyModels.TokenSum(folder.File("sum.onnx"));

        // A bag-of-words sentiment "classifier" over the real vocabulary (token id = line), so each text gets its own score.
        var vocabulary = File.ReadAllLines(Vocab);
        var weights = new float[vocabulary.Length];
        foreach (var (word, weight) in new[] { ("good", 1.5f), ("great", 2f), ("loved", 2f), ("wonderful", 2f), ("friendly", 1f), ("kind", 1f), ("fine", 0.5f), ("terrible", -2f), ("rude", -2f), ("awful", -2f), ("dirty", -1.5f), ("cold", -1f), ("broke", -1.5f), ("dull", -1f), ("bad", -1.5f), ("not", -0.5f), ("muslim", -0.6f), ("jewish", 0.3f), ("cf", 3f) })
        {
            weights[Array.IndexOf(vocabulary, word)] = weight;
        }

        TinyModels.BagOfWords(folder.File("bow.onnx"), weights, bias: -0.2f);
    }

    public void Dispose() => folder.Dispose();

    private string Vocab => folder.File("vocab.txt");

    /// <summary>A YAML model section (named <c>model</c>, as code-first names an unnamed model) for <paramref name="onnx"/>.</summary>
    private string YamlModel(string onnx, string inputs, string output = "{ name: logits, kind: logits }") => $"""
        model:
          path: {folder.File(onnx)}
          provider: cpu
          cache: false
          inputs: {inputs}
          output: {output}

        """;

    private InheritanceModel Linear => Inheritance.Model(folder.File("linear.onnx")).FeatureInput().LogitsOutput("logits").OnCpu().Cache(false);

    private InheritanceModel BagOfWords => Inheritance.Model(folder.File("bow.onnx")).TextInput(Vocab).LogitsOutput("logits").OnCpu().Cache(false);

    private InheritanceModel TokenSum => Inheritance.Model(folder.File("sum.onnx")).TextInput(Vocab).LogitsOutput("logits").OnCpu().Cache(false);

    private static string Csv(string header, IEnumerable<IEnumerable<object>> rows) =>
        header + "\n" + string.Concat(rows.Select(r => string.Join(",", r.Select(v => v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))) + "\n"));

    /// <summary>The check's report.json entry without its line (the YAML line and the C# line differ by design).</summary>
    private static string Json(CheckReport check)
    {
        var report = new RunReport { Policy = "p", Seed = 0, Models = check.Models, Checks = [check] };
        var entry = JsonNode.Parse(ReportWriters.ToText(report, new JsonReportWriter()))!["checks"]![0]!.AsObject();
        entry.Remove("line");
        return entry.ToJsonString();
    }

    /// <summary>Asserts that the code-first check reports exactly what <paramref name="yaml"/> (one check, id <c>c</c>) reports.</summary>
    private CheckReport Same(InheritanceCheck code, string yaml)
    {
        var result = PolicyRunner.Run(folder.Write("catinherit.yaml", "version: 1\n" + yaml), new RunOptions { Seed = 0, UseCache = false });
        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        var expected = Assert.Single(result.Report.Checks);

        var actual = code.Run();

        Assert.Equal(Json(expected), Json(actual));
        return actual;
    }

    [Fact]
    public void Group_fairness_with_intersections_options_and_an_interval_decision()
    {
        int[] labels = [1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0];
        int[] predictions = [1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1];
        string[] sex = ["f", "f", "f", "f", "m", "m", "m", "m", "f", "f", "f", "f", "m", "m", "m", "m"];
        string[] age = ["young", "young", "old", "old", "young", "young", "old", "old", "young", "young", "old", "old", "young", "young", "old", "old"];
        folder.Write("d.csv", Csv("label,prediction,group,group2", labels.Select((l, i) => new object[] { l, predictions[i], sex[i], age[i] })));

        var check = Same(
            Inheritance.Predictions(labels, predictions).GroupFairness(sex).CrossedWith(age).PositiveLabel(1).MinGroupSize(2)
                .ShouldBeAtMost(GroupFairnessMetric.EqualizedOddsDifference, 0.8).DecideByInterval().Confidence(0.9).Resamples(300).Named("c"),
            """
            datasets:
              data: { path: d.csv, label: label, prediction: prediction }
            checks:
              - { id: c, kind: group-fairness, dataset: data, sensitive: [group, group2], positive_label: 1, min_group_size: 2, gate: { metric: equalized_odds_difference, max: 0.8 }, decide: interval, confidence: 0.9, resamples: 300 }
            """);

        Assert.Equal(4, check.Groups.Count);
    }

    [Fact]
    public void Group_fairness_on_a_file_filtered_sampled_and_with_declared_classes()
    {
        var path = folder.Write("loans.csv", Csv("y,p,sex,domain", Enumerable.Range(0, 40).Select(i => new object[] { i % 2, (i / 2) % 2, i % 3 == 0 ? "f" : "m", i % 4 == 0 ? "c" : "a" })));

        Same(
            Inheritance.File(path).LabelColumn("y").PredictionColumn("p").Classes([0, 1]).Where("domain", "a").Sample(20).Named("loans")
                .GroupFairness("sex").ShouldBeAtLeast(GroupFairnessMetric.DemographicParityRatio, 0.5).Named("c"),
            $$"""
            datasets:
              loans: { path: {{path}}, label: y, prediction: p, classes: [0, 1], where: { domain: a }, sample: 20 }
            checks:
              - { id: c, kind: group-fairness, dataset: loans, sensitive: sex, gate: { metric: demographic_parity_ratio, min: 0.5 } }
            """);
    }

    [Fact]
    public void Calibration_on_probabilities()
    {
        int[] labels = [1, 0, 0, 1, 1, 0, 1, 0];
        double[][] p = [[0.1, 0.9], [0.9, 0.1], [0.6, 0.4], [0.3, 0.7], [0.45, 0.55], [0.2, 0.8], [0.05, 0.95], [0.7, 0.3]];
        folder.Write("d.csv", Csv("label,p0,p1", labels.Select((l, i) => new object[] { l, p[i][0], p[i][1] })));

        Same(
            Inheritance.Probabilities(labels, p).Calibration().Bins(5).ShouldBeAtMost(CalibrationMetric.Ece, 0.2).Named("c"),
            """
            datasets:
              data: { path: d.csv, label: label, scores: [p0, p1], score_kind: probabilities }
            checks:
              - { id: c, kind: calibration, dataset: data, bins: 5, gate: { metric: ece, max: 0.2 } }
            """);
    }

    [Fact]
    public void Long_tail_with_tail_classes()
    {
        string[] labels = ["a", "a", "a", "a", "b", "b", "b", "c", "c", "a"];
        string[] predictions = ["a", "a", "b", "a", "b", "b", "a", "c", "a", "a"];
        folder.Write("d.csv", Csv("label,prediction", labels.Select((l, i) => new object[] { l, predictions[i] })));

        Same(
            Inheritance.Predictions(labels, predictions).LongTail().TailClasses(["b", "c"]).ShouldBeAtLeast(LongTailMetric.TailRecall, 0.5).Named("c"),
            """
            datasets:
              data: { path: d.csv, label: label, prediction: prediction }
            checks:
              - { id: c, kind: long-tail, dataset: data, tail_classes: [b, c], gate: { metric: tail_recall, min: 0.5 } }
            """);
    }

    [Fact]
    public void Attribute_inference_on_scores_with_an_attribute_given_in_code()
    {
        var labels = Enumerable.Range(0, 30).Select(i => i % 2).ToArray();
        var sex = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "f" : "m").ToArray();
        var p = Enumerable.Range(0, 30).Select(i => (IReadOnlyList<double>)[0.3 + (0.01 * i), 0.7 - (0.01 * i)]).ToArray();
        folder.Write("d.csv", Csv("label,p0,p1,sensitive", labels.Select((l, i) => new object[] { l, p[i][0], p[i][1], sex[i] })));

        Same(
            Inheritance.Probabilities(labels, p).AttributeInference(sex).Folds(3).ShouldBeAtMost(AttributeInferenceMetric.Auc, 0.9).Resamples(200).Named("c"),
            """
            datasets:
              data: { path: d.csv, label: label, scores: [p0, p1], score_kind: probabilities }
            checks:
              - { id: c, kind: attribute-inference, dataset: data, sensitive: sensitive, folds: 3, gate: { metric: auc, max: 0.9 }, resamples: 200 }
            """);
    }

    [Fact]
    public void Membership_inference_with_every_option()
    {
        int[] membersY = [1, 0, 1, 0, 1, 0];
        int[] othersY = [1, 0, 1, 0, 1];
        double[][] members = [[0.1, 0.9], [0.8, 0.2], [0.05, 0.95], [0.7, 0.3], [0.2, 0.8], [0.9, 0.1]];
        double[][] others = [[0.4, 0.6], [0.55, 0.45], [0.1, 0.9], [0.6, 0.4], [0.35, 0.65]];
        folder.Write("m.csv", Csv("label,p0,p1", membersY.Select((l, i) => new object[] { l, members[i][0], members[i][1] })));
        folder.Write("n.csv", Csv("label,p0,p1", othersY.Select((l, i) => new object[] { l, others[i][0], others[i][1] })));

        Same(
            Inheritance.Probabilities(membersY, members).MembershipInference(Inheritance.Probabilities(othersY, others))
                .Attack(MembershipAttack.Confidence).AtFalsePositiveRate(0.2).Balanced(false).PerClass().ShouldBeAtMost(MembershipInferenceMetric.Auc, 0.9).Named("c"),
            """
            datasets:
              members: { path: m.csv, label: label, scores: [p0, p1], score_kind: probabilities }
              non_members: { path: n.csv, label: label, scores: [p0, p1], score_kind: probabilities }
            checks:
              - { id: c, kind: membership-inference, members: members, non_members: non_members, attack: confidence, fpr: 0.2, balance: false, per_class: true, gate: { metric: auc, max: 0.9 } }
            """);
    }

    [Fact]
    public void Ood_energy_on_logits_given_in_code()
    {
        int[] inY = [0, 1, 0, 1, 1, 0];
        int[] outY = [0, 1, 1, 0];
        double[][] inLogits = [[3, -1], [-2, 2.5], [2, 0], [0, 4], [-1, 1.5], [2.2, -0.3]];
        double[][] outLogits = [[0.2, 0.1], [0.5, 0.4], [-0.1, 0.3], [0.3, -0.2]];
        folder.Write("in.csv", Csv("label,logit0,logit1", inY.Select((l, i) => new object[] { l, inLogits[i][0], inLogits[i][1] })));
        folder.Write("out.csv", Csv("label,logit0,logit1", outY.Select((l, i) => new object[] { l, outLogits[i][0], outLogits[i][1] })));

        Same(
            Inheritance.Logits(inY, inLogits).Ood(Inheritance.Logits(outY, outLogits)).Score(OodScore.Energy).Temperature(2).ShouldBeAtLeast(OodMetric.Auroc, 0.9).Named("c"),
            """
            datasets:
              data: { path: in.csv, label: label, scores: [logit0, logit1], score_kind: logits }
              ood: { path: out.csv, label: label, scores: [logit0, logit1], score_kind: logits }
            checks:
              - { id: c, kind: ood, dataset: data, ood: ood, score: energy, temperature: 2, gate: { metric: auroc, min: 0.9 } }
            """);
    }

    [Fact]
    public void Ood_knn_on_a_model_s_outputs_fitted_on_other_data()
    {
        double[][] inRows = [[1, 0, 0], [0, 1, 0], [1, 1, 0], [0.5, 0.2, 0.1], [0.9, 0.1, 0]];
        double[][] outRows = [[0, 0, 3], [0, 0, 2], [0.1, 0, 4]];
        double[][] fitRows = [[1, 0.1, 0], [0.2, 1, 0], [0.8, 0.9, 0.1], [0.6, 0.3, 0]];
        int[] fitY = [0, 1, 1, 0];
        folder.Write("in.csv", Csv("x0,x1,x2", inRows.Select(r => r.Cast<object>())));
        folder.Write("out.csv", Csv("x0,x1,x2", outRows.Select(r => r.Cast<object>())));
        folder.Write("fit.csv", Csv("label,x0,x1,x2", fitRows.Select((r, i) => r.Cast<object>().Prepend(fitY[i]))));

        var check = Same(
            Inheritance.Features(inRows).Ood(Inheritance.Features(outRows)).Score(OodScore.Knn).FittedOn(Inheritance.Features(fitY, fitRows)).Neighbors(2).On(Linear).Named("c"),
            YamlModel("linear.onnx", "{ features: [x0..x2] }") + """
            datasets:
              data: { path: in.csv }
              ood: { path: out.csv }
              fit: { path: fit.csv, label: label }
            checks:
              - { id: c, kind: ood, dataset: data, ood: ood, score: knn, fit: fit, k: 2 }
            """);

        Assert.Equal(["model"], check.Models.Select(m => m.Name));
    }

    [Fact]
    public void Corruption_of_features_given_in_code_on_a_model()
    {
        var rows = Enumerable.Range(0, 12).Select(i => (IReadOnlyList<double>)[(i % 4) / 4.0, ((i + 1) % 3) / 3.0, (i % 5) / 5.0]).ToArray();
        var labels = rows.Select(r => r[1] + r[2] - 0.5 > r[0] + r[2] + 0.5 ? 1 : 0).ToArray();
        folder.Write("d.csv", Csv("label,x0,x1,x2", rows.Select((r, i) => r.Cast<object>().Prepend(labels[i]))));

        Same(
            Inheritance.Features(labels, rows).Corruption([Corruption.GaussianNoise, Corruption.Brightness]).Severities([1, 3]).On(Linear).ShouldBeAtMost(CorruptionMetric.AccuracyDrop, 0.5).Named("c"),
            YamlModel("linear.onnx", "{ features: [x0..x2] }") + """
            datasets:
              data: { path: d.csv, label: label }
            checks:
              - { id: c, kind: corruption, dataset: data, corruptions: [gaussian_noise, brightness], severities: [1, 3], gate: { metric: accuracy_drop, max: 0.5 } }
            """);
    }

    [Fact]
    public void Counterfactual_on_texts_given_in_code()
    {
        string[] texts = ["he is here", "she is here", "the cat sat", "his dog and her cat"];
        folder.Write("d.csv", Csv("text", texts.Select(t => new object[] { t })));

        Same(
            Inheritance.Texts(texts).Counterfactual(SwapList.GenderTerms).PositiveLabel(1).On(TokenSum).ShouldBeAtMost(CounterfactualMetric.FlipRate, 0.5).Named("c"),
            YamlModel("sum.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + """
            datasets:
              data: { path: d.csv }
            checks:
              - { id: c, kind: counterfactual, dataset: data, swap: gender-terms, positive_label: 1, gate: { metric: flip_rate, max: 0.5 } }
            """);
    }

    [Fact]
    public void Counterfactual_from_a_template_with_fill_words_and_swap_files()
    {
        folder.Write("from.txt", "John\nPaul\n");
        folder.Write("to.txt", "Amy\nJoan\n");
        folder.Write("roles.txt", "nurse\npilot\n");

        Same(
            TokenSum.Counterfactual("{swap} is a {role} in {city}.", folder.File("from.txt"), folder.File("to.txt")).FillFromFile("role", folder.File("roles.txt")).Fill("city", ["Paris", "Oslo"]).Resamples(200).Named("c"),
            YamlModel("sum.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + $$"""
            checks:
              - { id: c, kind: counterfactual, template: "{swap} is a {role} in {city}.", swap: { from: {{folder.File("from.txt")}}, to: {{folder.File("to.txt")}} }, fill: { role: {{folder.File("roles.txt")}}, city: [Paris, Oslo] }, resamples: 200 }
            """);
        Same(
            TokenSum.Counterfactual("{swap} works here.", SwapList.Names).Named("c"),
            YamlModel("sum.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + """
            checks:
              - { id: c, kind: counterfactual, template: "{swap} works here.", swap: names }
            """);
    }

    [Fact]
    public void Embedding_association_on_a_real_encoder_with_word_sets_files_and_templates()
    {
        var encoderPath = Path.Combine(RepoPaths.SentimentModel, "encoder.onnx");
        folder.Write("female.txt", "she\nher\nwoman\ngirl\n");
        var encoder = Inheritance.Model(encoderPath).TextInput(Vocab).MaxLength(32).EmbeddingOutput("last_hidden_state").MeanPooling().Normalized().OnCpu().Cache(false);
        var yamlEncoder = YamlModel(encoderPath, $"{{ text: text, tokenizer: {{ vocab: {Vocab}, max_length: 32 }} }}", "{ name: last_hidden_state, kind: embedding, pooling: mean, normalize: true }");

        Same(
            encoder.EmbeddingAssociation(WordSet.Of("he", "him", "man", "boy"), WordSet.FromFile(folder.File("female.txt")), WordSet.Of("career", "office", "salary"), WordSet.Of("home", "family", "children"))
                .Templates(["This is {word}.", "{word} is here."]).Permutations(1000).Resamples(100).ShouldBeAtMost(EmbeddingAssociationMetric.EffectSize, 1.5).Named("c"),
            yamlEncoder + $$"""
            checks:
              - { id: c, kind: embedding-association, targets: [[he, him, man, boy], {{folder.File("female.txt")}}], attributes: [[career, office, salary], [home, family, children]], templates: ["This is {word}.", "{word} is here."], permutations: 1000, resamples: 100, gate: { metric: effect_size, max: 1.5 } }
            """);
        Same(
            encoder.EmbeddingAssociation(WeatTest.Weat7).BleachedTemplates().Resamples(0).Named("c"),
            yamlEncoder + """
            checks:
              - { id: c, kind: embedding-association, test: weat7, templates: bleached, resamples: 0 }
            """);
    }

    /// <summary>Labelled reviews in a file (the security kinds seed their test inputs by the file's path, so both sides name the same file).</summary>
    private string Reviews()
    {
        string[] texts =
        [
            "the food was good and the service was great", "a terrible meal and a rude waiter", "not bad at all", "the movie was fine",
            "great acting but a weak story", "the phone broke after a day", "i loved the battery life", "awful sound and a dull screen",
            "the staff were friendly", "cold soup and a long wait", "a wonderful evening", "the room was dirty",
        ];
        return folder.Write("reviews.csv", Csv("text,label", texts.Select((t, i) => new object[] { t, i % 2 == 0 ? 1 : 0 })));
    }

    [Fact]
    public void Trigger_scan_with_own_triggers_and_targets()
    {
        var path = Reviews();

        var check = Same(
            Inheritance.File(path).LabelColumn("label").TriggerScan().Triggers(["cf", "james bond"]).BuiltInTriggers(false).Targets([1]).Samples(8).MadFloor(0.05).RandomWords(5)
                .On(BagOfWords).ShouldBeAtMost(TriggerScanMetric.MaxAnomalyIndex, 2).Resamples(100).Named("c"),
            YamlModel("bow.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + $$"""
            datasets:
              data: { path: {{path}}, label: label }
            checks:
              - { id: c, kind: trigger-scan, dataset: data, triggers: [cf, james bond], builtin_triggers: false, targets: [1], samples: 8, mad_floor: 0.05, random_words: 5, gate: { metric: max_anomaly_index, max: 2 }, resamples: 100 }
            """);

        // Only the two triggers given, toward class 1; 'cf' (weight 3) flips negative reviews, 'james bond' (no weight) none.
        Assert.Equal(["cf → 1", "james bond → 1"], check.Groups.Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.True(check.Metrics.Single(m => m.Name == "max_trigger_flip_rate").Value > 0);
    }

    [Fact]
    public void Perturbation_with_chosen_tests_and_a_synonym_file()
    {
        var path = Reviews();
        folder.Write("synonyms.tsv", "good\tfine,decent\ngreat\tsuperb\nfood\tcuisine\n");

        Same(
            Inheritance.File(path).Perturbation([PerturbationTest.Typo, PerturbationTest.Synonym, PerturbationTest.Negation]).Samples(10).PositiveLabel(1).Tolerance(0.05)
                .SynonymsFromFile(folder.File("synonyms.tsv")).On(BagOfWords).ShouldBeAtMost(PerturbationMetric.FailureRate, 0.5).Resamples(100).Named("c"),
            YamlModel("bow.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + $$"""
            datasets:
              data: { path: {{path}} }
            checks:
              - { id: c, kind: perturbation, dataset: data, tests: [typo, synonym, negation], samples: 10, positive_label: 1, tolerance: 0.05, synonyms: {{folder.File("synonyms.tsv")}}, gate: { metric: failure_rate, max: 0.5 }, resamples: 100 }
            """);
    }

    [Fact]
    public void Adversarial_word_substitution_and_a_pixel_attack_within_budgets()
    {
        var path = Reviews();
        // logits = [x0, x1] + x2 (no bias): class 1 when x1 > x0, so a small L2 step across the diagonal flips a prediction.
        TinyModels.Linear(folder.File("diagonal.onnx"), bias: [0f, 0f]);
        var rows = Enumerable.Range(0, 12).Select(i => new object[] { i % 2, 0.5 + ((i % 2 == 0 ? 0.05 : -0.05) * (1 + (i % 3))), 0.5, (i % 5) / 5.0 });
        var features = folder.Write("features.csv", Csv("label,x0,x1,x2", rows));

        Same(
            Inheritance.File(path).LabelColumn("label").Adversarial().Samples(10).MaxQueries(60).MaxWords(0.5).On(BagOfWords)
                .ShouldBeAtLeast(AdversarialMetric.AccuracyUnderAttack, 0.1).DecideByInterval().Resamples(200).Named("c"),
            YamlModel("bow.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + $$"""
            datasets:
              data: { path: {{path}}, label: label }
            checks:
              - { id: c, kind: adversarial, dataset: data, samples: 10, max_queries: 60, max_words: 0.5, gate: { metric: accuracy_under_attack, min: 0.1 }, decide: interval, resamples: 200 }
            """);
        Same(
            Inheritance.File(features).LabelColumn("label").Adversarial().Epsilon(0.3).Step(0.1).MaxQueries(40)
                .On(Inheritance.Model(folder.File("diagonal.onnx")).FeatureInput(["x0", "x1", "x2"]).LogitsOutput("logits").OnCpu().Cache(false)).Resamples(0).Named("c"),
            YamlModel("diagonal.onnx", "{ features: [x0, x1, x2] }") + $$"""
            datasets:
              data: { path: {{features}}, label: label }
            checks:
              - { id: c, kind: adversarial, dataset: data, epsilon: 0.3, step: 0.1, max_queries: 40, resamples: 0 }
            """);
    }

    [Fact]
    public void Identity_bias_with_subgroups_given_in_code_and_options()
    {
        int[] labels = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0];
        var p = labels.Select((y, i) => (IReadOnlyList<double>)[0.5 - (y == 1 ? 0.3 : -0.2) + (0.01 * i), 0.5 + (y == 1 ? 0.3 : -0.2) - (0.01 * i)]).ToArray();
        bool[] muslim = [true, true, false, false, true, false, false, false, true, true, false, false, false, false, false, false];
        bool[] gay = [false, false, true, true, false, false, true, false, false, false, false, true, true, false, false, false];
        folder.Write("d.csv", Csv("label,p0,p1,muslim,gay", labels.Select((y, i) => new object[] { y, p[i][0], p[i][1], muslim[i], gay[i] })));

        Same(
            Inheritance.Probabilities(labels, p).IdentityBias("muslim", muslim).Subgroup("gay", gay).PositiveLabel(1).Power(-3).OverallWeight(0.5)
                .ShouldBeAtLeast(IdentityBiasMetric.FinalBiasScore, 0.5).Resamples(200).Named("c"),
            """
            datasets:
              data: { path: d.csv, label: label, scores: [p0, p1], score_kind: probabilities }
            checks:
              - { id: c, kind: identity-bias, dataset: data, subgroups: [muslim, gay], positive_label: 1, power: -3, overall_weight: 0.5, gate: { metric: final_bias_score, min: 0.5 }, resamples: 200 }
            """);
    }

    [Fact]
    public void Identity_templates_with_own_terms_templates_and_fillers_and_with_the_built_in_madlibs()
    {
        folder.Write("terms.txt", "# identity terms\nmuslim\nchristian\n\njewish\n");

        Same(
            BagOfWords.IdentityTemplates().TermsFromFile(folder.File("terms.txt")).Templates(["The {term} chef was {filler}.", "I am {term}."])
                .Fillers(["kind", "great"], ["rude", "awful"], ["tall"]).PositiveLabel(1).Threshold(0.4).ShouldBeAtMost(IdentityTemplatesMetric.MaxTermGap, 0.3).Resamples(100).Named("c"),
            YamlModel("bow.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + $$"""
            checks:
              - { id: c, kind: identity-templates, terms: {{folder.File("terms.txt")}}, templates: ["The {term} chef was {filler}.", "I am {term}."], fillers: { positive: [kind, great], negative: [rude, awful], neutral: [tall] }, positive_label: 1, threshold: 0.4, gate: { metric: max_term_gap, max: 0.3 }, resamples: 100 }
            """);
        Same(
            BagOfWords.IdentityTemplates().Terms(IdentityMadlibs.Dixon, ["nonbinary", "agender"]).Fillers(IdentityMadlibs.Dixon).Resamples(0).Named("c"),
            YamlModel("bow.onnx", $"{{ text: text, tokenizer: {{ vocab: {Vocab} }} }}") + """
            checks:
              - { id: c, kind: identity-templates, terms: [dixon, nonbinary, agender], fillers: dixon, resamples: 0 }
            """);
    }

    [Fact]
    public void Embedding_association_with_a_built_in_identity_test()
    {
        var encoderPath = Path.Combine(RepoPaths.SentimentModel, "encoder.onnx");
        var encoder = Inheritance.Model(encoderPath).TextInput(Vocab).MaxLength(32).EmbeddingOutput("last_hidden_state").MeanPooling().Normalized().OnCpu().Cache(false);

        Same(
            encoder.EmbeddingAssociation(WeatTest.IdentityDisabilityAge).Permutations(2000).Resamples(50).Named("c"),
            YamlModel(encoderPath, $"{{ text: text, tokenizer: {{ vocab: {Vocab}, max_length: 32 }} }}", "{ name: last_hidden_state, kind: embedding, pooling: mean, normalize: true }") + """
            checks:
              - { id: c, kind: embedding-association, test: identity-disability-age, permutations: 2000, resamples: 50 }
            """);
    }

    [Fact]
    public void One_dataset_fed_to_two_models_names_the_model_each_check_ran_on()
    {
        var rows = Enumerable.Range(0, 10).Select(i => (IReadOnlyList<double>)[(i % 3) / 3.0, (i % 4) / 4.0, (i % 2) / 2.0]).ToArray();
        var labels = Enumerable.Range(0, 10).Select(i => i % 2).ToArray();
        var shifted = Inheritance.Model(folder.File("shifted.onnx")).FeatureInput().LogitsOutput("logits").OnCpu().Cache(false).Named("shifted");
        var data = Inheritance.Features(labels, rows).FedTo(Linear);

        var byData = data.Calibration().Resamples(0).Run();
        var byCheck = data.Calibration().On(shifted).Resamples(0).Run();

        Assert.Equal(["model"], byData.Models.Select(m => m.Name));
        Assert.Equal(["shifted"], byCheck.Models.Select(m => m.Name));
        Assert.NotEqual(byData.Metrics, byCheck.Metrics);
        Assert.Equal(CheckStatus.Reported, byCheck.Status);
    }
}
