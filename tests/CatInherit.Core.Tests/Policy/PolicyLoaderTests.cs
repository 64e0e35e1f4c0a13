using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Policy;

public sealed class PolicyLoaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public PolicyLoaderTests()
    {
        folder.Write("data.csv", "label,pred,sex\n1,1,f\n");
    }

    public void Dispose() => folder.Dispose();

    private string[] Problems(string yaml) =>
        [.. CheckKinds.Parse(yaml, "p.yaml", folder.Path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString())];

    private string[] Warnings(string yaml) =>
        [.. CheckKinds.Parse(yaml, "p.yaml", folder.Path).Diagnostics.Where(d => !d.IsError).Select(d => d.ToString())];

    [Fact]
    public void Suspicious_but_valid_policies_get_warnings_and_still_load()
    {
        var yaml = Valid.Replace("    gate: { metric: demographic_parity_difference, max: 0.1 }", "    decide: interval\n    resamples: 50\n  - { id: report-only, kind: group-fairness, dataset: d, sensitive: sex }");

        var result = CheckKinds.Parse(yaml, "p.yaml", folder.Path);

        Assert.NotNull(result.Policy);
        Assert.Equal(
            [
                "p.yaml(8,5): warning CAT0030: check 'parity' has no gate: it reports its metrics but can never fail; add 'gate: { metric: ..., max: ... }' to make it a check",
                "p.yaml(13,16): warning CAT0031: check 'parity' decides by interval on 50 resamples; percentile bounds from fewer than 200 move from seed to seed (the default is 1000)",
                "p.yaml(14,5): warning CAT0030: check 'report-only' has no gate: it reports its metrics but can never fail; add 'gate: { metric: ..., max: ... }' to make it a check",
            ],
            Warnings(yaml));
        Assert.Empty(Warnings(Valid));
    }

    private const string Valid = """
        version: 1
        datasets:
          d:
            path: data.csv
            label: label
            prediction: pred
        checks:
          - id: parity
            kind: group-fairness
            dataset: d
            sensitive: sex
            gate: { metric: demographic_parity_difference, max: 0.1 }
        """;

    [Fact]
    public void A_valid_policy_loads_with_its_values()
    {
        var result = CheckKinds.Parse(Valid, "p.yaml", folder.Path);

        Assert.Empty(result.Diagnostics);
        var policy = Assert.IsType<InheritancePolicy>(result.Policy);
        var check = Assert.Single(policy.Checks);
        Assert.Equal("group-fairness: parity", check.DisplayName);
        Assert.Equal(new GateSpec("demographic_parity_difference", GateOp.Max, 0.1, new SourceLocation("p.yaml", 12, 11)), check.Gate);
        Assert.Equal(new SourceLocation("p.yaml", 8, 5), check.Location);
        Assert.Equal(DecideMode.Point, check.Decide);
        Assert.Equal(0.95, check.Confidence);
        Assert.Equal(1000, check.Resamples);
        Assert.Equal(Path.Combine(folder.Path, "data.csv"), policy.Datasets[0].Path);
    }

    [Fact]
    public void Unknown_keys_get_a_suggestion_and_the_known_keys()
    {
        var problems = Problems(Valid.Replace("    sensitive: sex", "    sensitive: sex\n    min_grup_size: 3"));

        Assert.Equal(
            ["p.yaml(12,5): error CAT0010: unknown key 'min_grup_size' in check 'parity'. Did you mean 'min_group_size'? Known keys: id, kind, gate, decide, confidence, resamples, baseline, model, compare, dataset, sensitive, positive_label, min_group_size"],
            problems);
    }

    [Fact]
    public void Unknown_kinds_and_metrics_get_a_suggestion()
    {
        var problems = Problems(Valid
            .Replace("kind: group-fairness", "kind: group-fairnes")
            .Replace("  - id: parity", "  - id: other\n    kind: group-fairness\n    dataset: d\n    sensitive: sex\n    gate: { metric: demographic_parity_diference, max: 0.1 }\n  - id: parity"));

        Assert.Equal(
            [
                "p.yaml(12,21): error CAT0023: 'demographic_parity_diference' is not a metric of group-fairness. Did you mean 'demographic_parity_difference'? Gateable metrics: accuracy, demographic_parity_difference, demographic_parity_ratio, equal_opportunity_difference, equal_opportunity_ratio, equalized_odds_difference, equalized_odds_ratio, worst_group_accuracy",
                "p.yaml(14,11): error CAT0020: unknown check kind 'group-fairnes'. Did you mean 'group-fairness'? Available: group-fairness, counterfactual, embedding-association, ood, corruption, long-tail, calibration, membership-inference, attribute-inference, perturbation, trigger-scan, adversarial, identity-bias, identity-templates",
            ],
            problems);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_file_order()
    {
        const string yaml = """
            version: 2
            datasets:
              d:
                path: missing.csv
                scores: [s0, s1]
            checks:
              - id: a
                kind: group-fairness
                dataset: e
                sensitive: sex
                gate: { metric: selection_rate, max: 0.1 }
              - id: a
                kind: group-fairness
                dataset: d
                sensitive: sex
                decide: always
                confidence: 1.5
                resamples: -1
                gate: { metric: accuracy, max: 0.1, min: 0.2 }
            """;

        var problems = Problems(yaml);

        Assert.Equal(
            [
                "p.yaml(1,10): error CAT0003: policy version 2 is not supported; this release reads version 1",
                $"p.yaml(4,11): error CAT0100: data file 'missing.csv' not found (resolved to {Path.Combine(folder.Path, "missing.csv")}); paths are relative to the policy file",
                "p.yaml(5,13): error CAT0011: dataset 'd' has 'scores' but no 'score_kind'; add 'score_kind: logits' or 'score_kind: probabilities'",
                "p.yaml(9,14): error CAT0022: check 'a' uses dataset 'e', which is not declared under 'datasets'. Did you mean 'd'? (declared: d)",
                "p.yaml(11,21): error CAT0023: 'selection_rate' is reported per group and cannot be gated; gate on a metric that summarises the groups: accuracy, demographic_parity_difference, demographic_parity_ratio, equal_opportunity_difference, equal_opportunity_ratio, equalized_odds_difference, equalized_odds_ratio, worst_group_accuracy",
                "p.yaml(12,9): error CAT0021: check id 'a' is already used by the check at line 7; ids must be unique",
                "p.yaml(14,14): error CAT0011: check 'a' compares predictions with true labels, but dataset 'd' has no 'label' column",
                "p.yaml(16,13): error CAT0013: 'decide' in check 'a' must be one of point, interval; found 'always'.",
                "p.yaml(17,17): error CAT0015: 'confidence' in check 'a' must be between 0 and 1 (exclusive); found 1.5",
                "p.yaml(18,16): error CAT0015: 'resamples' in check 'a' must be between 0 and 1000000; found -1",
                "p.yaml(19,11): error CAT0024: the gate of check 'a' has both 'max' and 'min'; give exactly one (max: fail above it, min: fail below it)",
            ],
            problems);
    }

    [Fact]
    public void Wrong_types_and_missing_keys_name_what_was_expected()
    {
        const string yaml = """
            version: one
            datasets:
              d: data.csv
            checks:
              - kind: group-fairness
                sensitive: [sex, [nested]]
            """;

        var problems = Problems(yaml);

        Assert.Equal(
            [
                "p.yaml(1,10): error CAT0012: 'version' in the policy must be a whole number; found 'one'",
                "p.yaml(3,6): error CAT0012: dataset 'd' must be a mapping with at least 'path'; found 'data.csv'",
                "p.yaml(5,5): error CAT0011: this check is missing 'id': Unique id; becomes the test name.",
                "p.yaml(5,5): error CAT0011: this check is missing 'dataset': The dataset with labels and predictions.",
                "p.yaml(6,16): error CAT0012: 'sensitive' in this check must be a name or a list of names; found a list",
            ],
            problems);
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_the_first_line()
    {
        var problems = Problems(Valid.Replace("    sensitive: sex", "    sensitive: sex\n    sensitive: age"));

        Assert.Equal(["p.yaml(12,5): error CAT0014: 'sensitive' appears twice in check 'parity'; the first is at line 11"], problems);
    }

    [Fact]
    public void Malformed_yaml_reports_its_position()
    {
        var problems = Problems("version: 1\ndatasets:\n  d: [unclosed\nchecks: []\n");

        var problem = Assert.Single(problems);
        Assert.Equal("p.yaml(4,11): error CAT0002: invalid YAML: the file ends inside an unclosed '[', '{' or quote", problem);
    }

    [Fact]
    public void A_bad_indent_reports_the_parser_position()
    {
        var problem = Assert.Single(Problems("version: 1\ndatasets:\n  d:\n    path: x.csv\n   label: y\n"));

        Assert.StartsWith("p.yaml(5,", problem);
        Assert.Contains("error CAT0002: invalid YAML: ", problem);
    }

    [Theory]
    [InlineData("", "p.yaml(1,1): error CAT0011: the policy is empty; start with 'version: 1', then 'datasets:' and 'checks:'")]
    [InlineData("- a\n- b\n", "p.yaml(1,1): error CAT0012: a policy is a mapping with 'version', 'datasets' and 'checks'; found a list")]
    [InlineData("version: 1\ndatasets: {}\nchecks: []\n", "p.yaml(3,9): error CAT0011: 'checks' is empty; add at least one check")]
    public void Degenerate_policies_are_explained(string yaml, string expected) => Assert.Contains(expected, Problems(yaml));

    [Fact]
    public void Check_ids_must_be_usable_as_test_names()
    {
        var problems = Problems(Valid.Replace("id: parity", "id: \"has space\""));

        Assert.Equal(["p.yaml(8,9): error CAT0025: check id 'has space' must start with a letter or digit and use only letters, digits, '.', '_' and '-' (it becomes a test name)"], problems);
    }

    [Fact]
    public void A_dataset_without_predictions_needs_a_model()
    {
        var problems = Problems(Valid.Replace("    prediction: pred\n", string.Empty));

        Assert.Equal(["p.yaml(9,14): error CAT0026: check 'parity' needs predictions, but dataset 'd' has neither 'prediction' nor 'scores' and the policy has no 'model' to compute them"], problems);
    }

    [Fact]
    public void Unsupported_data_extensions_are_rejected()
    {
        folder.Write("data.xlsx", "x");
        var problems = Problems(Valid.Replace("data.csv", "data.xlsx"));

        Assert.Equal(["p.yaml(4,11): error CAT0107: 'data.xlsx' is not a .csv, .tsv or .jsonl file"], problems);
    }

    [Fact]
    public void A_missing_policy_file_is_an_error_not_an_exception()
    {
        var result = CheckKinds.Load(folder.File("nope.yaml"));

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal($"{folder.File("nope.yaml")}: error CAT0001: policy file not found (looked for {folder.File("nope.yaml")})", problem.ToString());
    }

    [Fact]
    public void Score_columns_and_classes_must_agree()
    {
        var problems = Problems(Valid.Replace("    prediction: pred", "    scores: [s0, s1, s1]\n    score_kind: logits\n    classes: [a, b]"));

        Assert.Equal(
            [
                "p.yaml(6,22): error CAT0013: score column 's1' is listed twice in 'scores'",
                "p.yaml(8,14): error CAT0013: dataset 'd' declares 2 classes but 3 score columns; give one class per score column, in the same order",
            ],
            problems);
    }

    [Fact]
    public void Values_of_the_wrong_type_for_keys_with_defaults_are_errors_not_crashes()
    {
        folder.Write("d.csv", "y,p,s\n1,1,a\n");

        var problems = Problems("version: 1\ndatasets: { d: { path: d.csv, label: y, prediction: p } }\nchecks:\n  - { id: a, kind: ood, dataset: d, ood: d, score: knn, k: many, resamples: lots, confidence: high, decide: interval }\n");

        Assert.Equal(
            [
                "p.yaml(4,60): error CAT0012: 'k' in check 'a' must be a whole number; found 'many'",
                "p.yaml(4,77): error CAT0012: 'resamples' in check 'a' must be a whole number; found 'lots'",
                "p.yaml(4,95): error CAT0012: 'confidence' in check 'a' must be a number; found 'high'",
            ],
            problems.Where(p => p.Contains("CAT0012", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.Contains("the 'knn' score is fitted on in-distribution samples", StringComparison.Ordinal));
    }
}
