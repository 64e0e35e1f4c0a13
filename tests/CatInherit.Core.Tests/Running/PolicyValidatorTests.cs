using CatInherit.Model;
using CatInherit.Running;
using CatInherit.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace CatInherit.Tests.Running;

/// <summary>
/// Validation reports, in one pass and without running anything, every rule a run would apply before inference:
/// the kinds' own rules (one per kind below), missing columns and model signatures. Each case is also run with
/// <c>check</c>, which must stop on the same errors.
/// </summary>
public sealed class PolicyValidatorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public PolicyValidatorTests()
    {
        folder.Write("p.csv", "y,pred,sex,s0,s1,text\n1,1,f,0.2,0.8,good\n0,0,m,0.9,0.1,bad\n1,0,m,0.6,0.4,fine\n0,1,f,0.3,0.7,poor\n");
        folder.Write("nolabel.csv", "pred,sex,s0,s1\n1,f,0.2,0.8\n0,m,0.9,0.1\n");
        TinyModels.Linear(folder.File("linear.onnx"));
        TinyModels.TokenSum(folder.File("sum.onnx"));
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
    }

    public void Dispose() => folder.Dispose();

    private const string Predictions = """
        datasets:
          d: { path: p.csv, label: y, prediction: pred }
          scored: { path: p.csv, label: y, scores: [s0, s1], score_kind: probabilities }
          unlabelled: { path: nolabel.csv, scores: [s0, s1], score_kind: probabilities }
          nolabel: { path: nolabel.csv, prediction: pred }
        """;

    private const string TextModel = """
        model:
          path: sum.onnx
          inputs: { text: text, tokenizer: { vocab: vocab.txt } }
          output: { name: logits, kind: logits }
        datasets:
          d: { path: p.csv, label: y }
        """;

    private (List<string> Validate, List<string> Check) Both(string body)
    {
        var path = folder.Write("catinherit.yaml", "version: 1\n" + body);
        var validated = PolicyValidator.Validate(path);
        var ran = PolicyRun.RunFile(path);
        Assert.Null(ran.Report);
        return ([.. validated.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())], [.. ran.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())]);
    }

    public static TheoryData<string, string, string> OneRulePerKind => new()
    {
        {
            "group-fairness", Predictions + "\nchecks:\n  - { id: c, kind: group-fairness, dataset: nolabel, sensitive: sex }\n",
            "(8,45): error CAT0011: check 'c' compares predictions with true labels, but dataset 'nolabel' has no 'label' column"
        },
        {
            "counterfactual", TextModel + "\nchecks:\n  - { id: c, kind: counterfactual, template: \"a {role} said it\", fill: { role: [x] }, swap: gender }\n",
            "(9,46): error CAT0013: check 'c': the template has no '{swap}' placeholder; write where the swapped word goes, e.g. \"{swap} was a great {role}.\""
        },
        {
            "embedding-association", TextModel + "\nchecks:\n  - { id: c, kind: embedding-association, test: weat6 }\n",
            "(9,5): error CAT0115: check 'c' compares embeddings, but model 'model' outputs logits; point it at an embedding output (kind: embedding)"
        },
        {
            "ood", Predictions + "\nchecks:\n  - { id: c, kind: ood, dataset: scored, ood: scored, score: knn }\n",
            "(8,62): error CAT0011: check 'c': the 'knn' score is fitted on in-distribution samples; add 'fit: <dataset>' (a labelled dataset for mahalanobis)"
        },
        {
            "corruption", TextModel + "\nchecks:\n  - id: c\n    kind: corruption\n    dataset: d\n    corruptions: [typoo]\n    severities: [7]\n",
            "(12,19): error CAT0013: check 'c': 'typoo' is not a corruption of text inputs. Did you mean 'typo'? Available: typo, delete, insert, transpose, word_drop, case, punctuation"
        },
        {
            "long-tail", Predictions + "\nchecks:\n  - { id: c, kind: long-tail, dataset: nolabel }\n",
            "(8,40): error CAT0011: check 'c': long-tail compares predictions with labels, but dataset 'nolabel' has no labels and predictions (a 'label' column and a 'prediction', 'scores' or classifier model)"
        },
        {
            "calibration", Predictions + "\nchecks:\n  - { id: c, kind: calibration, dataset: d }\n",
            "(8,42): error CAT0115: check 'c': calibration compares predicted probabilities with outcomes, but dataset 'd' has no probabilities (give it 'scores', or a model with a logits or probabilities output)"
        },
        {
            "membership-inference", Predictions + "\nchecks:\n  - { id: c, kind: membership-inference, members: scored, non_members: unlabelled }\n",
            "(8,72): error CAT0011: check 'c': the 'loss' attack needs the true label of each sample, but dataset 'unlabelled' has no 'label' (or use 'attack: entropy')"
        },
        {
            "attribute-inference", Predictions + "\nchecks:\n  - { id: c, kind: attribute-inference, dataset: d, sensitive: sex }\n",
            "(8,50): error CAT0115: check 'c' reads the model's outputs, but dataset 'd' has none (feed it to a model, or give it 'scores')"
        },
        {
            "trigger-scan", TextModel + "\nchecks:\n  - { id: c, kind: trigger-scan, dataset: d, builtin_triggers: false }\n",
            "(9,64): error CAT0011: check 'c' has no candidate trigger: 'builtin_triggers' is false and 'triggers' lists none; list the triggers to scan ('triggers: [cf, \"james bond\"]') or keep the built-in ones"
        },
        {
            "perturbation", TextModel + "\nchecks:\n  - { id: c, kind: perturbation, dataset: d, tests: [typos] }\n",
            "(9,54): error CAT0013: check 'c': 'typos' is not a perturbation test. Did you mean 'typo'? Available: typo, misspelling, homoglyph, synonym, negation, intensifier"
        },
        {
            "adversarial", TextModel + "\nchecks:\n  - { id: c, kind: adversarial, dataset: d, max_words: 0 }\n",
            "(9,56): error CAT0015: check 'c': 'max_words' is 0, so the attack may change no word; give a fraction in (0, 1], e.g. 0.25"
        },
        {
            "identity-bias", Predictions + "\nchecks:\n  - { id: c, kind: identity-bias, dataset: d, subgroups: [sex] }\n",
            "(8,44): error CAT0115: check 'c': identity-bias ranks the positive class's probability against the labels, but dataset 'd' has no probabilities (give it 'scores', or a model with a logits or probabilities output)"
        },
        {
            "identity-templates", TextModel + "\nchecks:\n  - { id: c, kind: identity-templates, templates: [\"people like us\"] }\n",
            "(9,52): error CAT0013: check 'c': template \"people like us\" has no '{term}' placeholder; write where the identity term goes, e.g. \"Being {term} is {filler}.\""
        },
    };

    [Theory]
    [MemberData(nameof(OneRulePerKind))]
    public void Validate_reports_each_kinds_rule_that_check_would(string kind, string body, string expected)
    {
        var (validate, check) = Both(body);

        Assert.True(validate.Contains($"{folder.File("catinherit.yaml")}{expected}"), string.Join("\n", validate));
        Assert.Equal(string.Join("\n", check), string.Join("\n", validate));
        Assert.NotEmpty(kind);
    }

    [Fact]
    public void Unknown_corruption_and_out_of_range_severity_are_both_reported_before_anything_runs()
    {
        var (validate, check) = Both(TextModel + "\nchecks:\n  - id: c\n    kind: corruption\n    dataset: d\n    corruptions: [typoo]\n    severities: [7]\n");

        var yaml = folder.File("catinherit.yaml");
        Assert.Equal(
            string.Join("\n", [
                $"{yaml}(12,19): error CAT0013: check 'c': 'typoo' is not a corruption of text inputs. Did you mean 'typo'? Available: typo, delete, insert, transpose, word_drop, case, punctuation",
                $"{yaml}(13,18): error CAT0015: check 'c': severity '7' must be a whole number from 1 (mild) to 5 (severe)",
            ]),
            string.Join("\n", validate));
        Assert.Equal(validate, check);
    }

    [Fact]
    public void Wrong_columns_and_a_wrong_output_name_are_reported_together_with_suggestions()
    {
        var path = folder.Write("catinherit.yaml", """
            version: 1
            model:
              path: linear.onnx
              inputs: { features: [s0, s1, s2] }
              output: { name: logit, kind: logits }
            datasets:
              d: { path: p.csv, label: y, where: { sexx: f } }
            checks:
              - { id: c, kind: group-fairness, dataset: d, sensitive: gender }
            """);

        var problems = PolicyValidator.Validate(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();

        var data = folder.File("p.csv");
        Assert.Equal(
            string.Join("\n", [
                $"{path}(4,32): error CAT0102: column 's2' (model input feature) is not in {data}. Did you mean 's0'? Columns: y, pred, sex, s0, s1, text",
                $"{path}(5,19): error CAT0113: the model has no output 'logit'. Did you mean 'logits'? The model's outputs: logits (float32 [?, 2])",
                $"{path}(7,46): error CAT0102: column 'sexx' (filter) is not in {data}. Did you mean 'sex'? Columns: y, pred, sex, s0, s1, text",
                $"{path}(9,59): error CAT0102: column 'gender' (sensitive attribute) is not in {data}. Columns: y, pred, sex, s0, s1, text",
            ]),
            string.Join("\n", problems));
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("sum")]
    [InlineData("sentiment")]
    [InlineData("encoder")]
    public void The_signature_read_from_the_file_is_the_one_onnx_runtime_reports(string model)
    {
        var path = model is "linear" or "sum" ? folder.File($"{model}.onnx") : Path.Combine(RepoPaths.SentimentModel, $"{model}.onnx");
        using var session = new InferenceSession(path);

        var (signature, problem) = OnnxSignatureReader.Read(path);

        Assert.Null(problem);
        // ONNX Runtime may know a size the file leaves symbolic (from shape inference); every size the file declares must agree.
        var expected = OnnxSignature.Of(session.InputMetadata, session.OutputMetadata);
        Assert.Equal(Describe(expected, signature!), Describe(signature!, signature!));
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_a_diagnostic()
    {
        folder.Write("broken.onnx", "not a model");

        var (signature, problem) = OnnxSignatureReader.Read(folder.File("broken.onnx"));

        Assert.Null(signature);
        Assert.NotNull(problem);
    }

    /// <summary>Names, types and shapes; a size <paramref name="file"/> leaves symbolic (-1) shows as -1 on both sides.</summary>
    private static string Describe(OnnxSignature signature, OnnxSignature file)
    {
        var declared = file.Inputs.Concat(file.Outputs).ToDictionary(p => p.Key, p => p.Value.Dimensions);
        return string.Join("; ", signature.Inputs.Concat(signature.Outputs).Select(p =>
            $"{p.Key}:{p.Value.IsTensor}:{p.Value.ElementType}:[{string.Join(",", p.Value.Dimensions.Select((d, i) => declared.TryGetValue(p.Key, out var f) && i < f.Length && f[i] < 0 ? -1 : d))}]"));
    }
}
