using CatInherit.Tests.Support;

namespace CatInherit.Cli.Tests;

[Collection("cli")]
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public CheckCommandTests()
    {
        // Groups of 12 rows: a Poisson bootstrap resample practically never draws none of a group (e⁻¹² each), so no resample is dropped.
        folder.Write("data/preds.csv", "label,pred,sex\n" + string.Concat(Enumerable.Repeat("1,1,a\n0,1,a\n1,1,a\n0,0,a\n1,0,b\n0,0,b\n1,1,b\n0,0,b\n", 3)));
    }

    public void Dispose() => folder.Dispose();

    private void Policy(string max, string extra = "") => folder.Write("policies/catinherit.yaml", $$"""
        version: 1
        datasets:
          preds:
            path: ../data/preds.csv
            label: label
            prediction: pred
        checks:
          - id: parity
            kind: group-fairness
            dataset: preds
            sensitive: sex
            gate: { metric: demographic_parity_difference, max: {{max}} }
        {{extra}}
        """);

    [Fact]
    public void A_passing_policy_exits_0_and_prints_one_line_per_check()
    {
        Policy("0.5");

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("PASS   group-fairness: parity  demographic_parity_difference 0.5 [", outcome.Stdout);
        Assert.EndsWith("1 check: 1 passed, 0 failed, 0 warned\n", outcome.Stdout);
        Assert.Equal(string.Empty, outcome.Stderr);
    }

    [Fact]
    public void A_check_without_a_gate_is_reported_not_passed_and_exits_0()
    {
        Policy("0.1", "  - { id: seen, kind: group-fairness, dataset: preds, sensitive: sex }\n");
        File.WriteAllText(folder.File("policies/catinherit.yaml"), File.ReadAllText(folder.File("policies/catinherit.yaml")).Replace("max: 0.1", "max: 0.6", StringComparison.Ordinal));

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\nREPORTED  group-fairness: seen  no gate; metrics reported only (n=24)\n", outcome.Stdout);
        Assert.StartsWith("PASS      group-fairness: parity", outcome.Stdout);
        Assert.EndsWith("2 checks: 1 passed, 0 failed, 0 warned, 1 reported (no gate)\n", outcome.Stdout);
    }

    [Fact]
    public void A_failing_gate_exits_1()
    {
        Policy("0.1");

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml");

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("FAIL   group-fairness: parity  demographic_parity_difference 0.5 [", outcome.Stdout);
        Assert.Contains("exceeds max 0.1 (n=24); selection_rate ranges from 0.25 ('b', n=12) to 0.75 ('a', n=12)", outcome.Stdout);
    }

    [Fact]
    public void A_warning_exits_0_unless_warnings_fail()
    {
        Policy("0.6", "    decide: interval\n");

        Assert.Equal(0, CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml").ExitCode);
        Assert.Equal(1, CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", "--fail-on-warning").ExitCode);
    }

    [Fact]
    public void An_invalid_policy_exits_2_with_every_problem_in_canonical_form()
    {
        folder.Write("policies/catinherit.yaml", """
            version: 1
            datasets:
              preds:
                path: ../data/preds.csv
                label: label
                prediction: pred
            checks:
              - id: parity
                kind: group-fairness
                dataset: pred
                sensitve: sex
                gate: { metric: demographic_parity_diff, max: 0.1 }
            """);

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.Stdout);
        Assert.Equal(
            [
                "policies/catinherit.yaml(8,5): error CAT0011: check 'parity' is missing 'sensitive': The sensitive column, or several columns for intersectional groups.",
                "policies/catinherit.yaml(10,14): error CAT0022: check 'parity' uses dataset 'pred', which is not declared under 'datasets'. Did you mean 'preds'? (declared: preds)",
                "policies/catinherit.yaml(11,5): error CAT0010: unknown key 'sensitve' in check 'parity'. Did you mean 'sensitive'? Known keys: id, kind, gate, decide, confidence, resamples, baseline, model, compare, dataset, sensitive, positive_label, min_group_size",
                "policies/catinherit.yaml(12,21): error CAT0023: 'demographic_parity_diff' is not a metric of group-fairness. Did you mean 'demographic_parity_ratio'? Gateable metrics: accuracy, demographic_parity_difference, demographic_parity_ratio, equal_opportunity_difference, equal_opportunity_ratio, equalized_odds_difference, equalized_odds_ratio, worst_group_accuracy",
            ],
            outcome.ErrorLines);
    }

    [Fact]
    public void Bad_data_exits_2_naming_the_data_file_relative_to_where_the_command_ran()
    {
        folder.Write("data/preds.csv", "label,pred,sex\n1,1,a\n0,1\n");
        Policy("0.5");

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(
            [
                "data/preds.csv(3,1): error CAT0104: row 2 has 2 fields but the header has 3; check for a missing or extra ',' or an unquoted value",
                "data/preds.csv(3,3): error CAT0108: column 'sex' (sensitive attribute), row 2: the value is missing; fill it in or drop the row",
            ],
            outcome.ErrorLines);
    }

    [Fact]
    public void Reports_are_written_and_byte_identical_across_runs()
    {
        Policy("0.5");

        CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", "--report-dir", "out1", "--format", "md,junit");
        CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", "--report-dir", "out2", "--format", "md,junit");
        var seeded = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", "--report-dir", "out3", "--seed", "7");

        foreach (var file in new[] { "report.json", "report.md", "junit.xml" })
        {
            Assert.Equal(File.ReadAllBytes(folder.File($"out1/{file}")), File.ReadAllBytes(folder.File($"out2/{file}")));
        }

        Assert.Equal(0, seeded.ExitCode);
        Assert.NotEqual(File.ReadAllText(folder.File("out1/report.json")), File.ReadAllText(folder.File("out3/report.json")));
        Assert.Contains("\"policy\": \"policies/catinherit.yaml\"", File.ReadAllText(folder.File("out1/report.json")));
        Assert.False(File.Exists(folder.File("out3/report.md")));
    }

    [Theory]
    [InlineData("--format", "md,jnuit", "catinherit: error CAT0500: --format: unknown format 'jnuit'. Did you mean 'junit'? Available: json, md, junit, html")]
    [InlineData("--format", "pdf", "catinherit: error CAT0500: --format: unknown format 'pdf'. Available: json, md, junit, html")]
    [InlineData("--seed", "abc", "catinherit: error CAT0500: --seed: the seed must be a whole number from -2147483648 to 2147483647; found 'abc'")]
    [InlineData("--provider", "gpu", "catinherit: error CAT0500: --provider: unknown provider 'gpu'. For a GPU, use 'cuda'. Available: auto, cpu, cuda")]
    [InlineData("--provider", "cdua", "catinherit: error CAT0500: --provider: unknown provider 'cdua'. Did you mean 'cuda'? Available: auto, cpu, cuda")]
    public void Bad_options_exit_2(string option, string value, string expected)
    {
        Policy("0.5");

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(expected, outcome.ErrorLines[0]);
    }

    [Fact]
    public void A_missing_policy_exits_2()
    {
        var outcome = CliRunner.InProcess(folder.Path, "check", "nope.yaml");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("nope.yaml: error CAT0001: policy file not found (looked for ", outcome.Stderr);
    }

    [Fact]
    public void Validate_reports_problems_or_confirms()
    {
        Policy("0.5");
        var ok = CliRunner.InProcess(folder.Path, "validate", "policies/catinherit.yaml");
        folder.Write("bad.yaml", "version: 1\ndatasets: {}\nchecks: []\n");
        var bad = CliRunner.InProcess(folder.Path, "validate", "bad.yaml");

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("policies/catinherit.yaml: valid (1 check, 1 dataset)\n", ok.Stdout);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(["bad.yaml(3,9): error CAT0011: 'checks' is empty; add at least one check"], bad.ErrorLines);
    }

    [Fact]
    public void Validate_reports_a_wrong_column_and_a_wrong_model_output_in_one_pass_without_running()
    {
        var model = Path.Combine(RepoPaths.SentimentModel, "sentiment.onnx");
        var vocab = Path.Combine(RepoPaths.SentimentModel, "vocab.txt");
        folder.Write("data/reviews.csv", "text,label,sex\ngreat food,1,f\nawful,0,m\n");
        folder.Write("model.yaml", $$"""
            version: 1
            model:
              path: {{model}}
              inputs: { text: text, tokenizer: { vocab: {{vocab}} } }
              output: { name: logit, kind: logits }
            datasets:
              reviews: { path: data/reviews.csv, label: label }
            checks:
              - { id: parity, kind: group-fairness, dataset: reviews, sensitive: gender, gate: { metric: accuracy, min: 0.5 } }
            """);

        var validate = CliRunner.InProcess(folder.Path, "validate", "model.yaml");
        var check = CliRunner.InProcess(folder.Path, "check", "model.yaml");

        Assert.Equal(2, validate.ExitCode);
        Assert.Equal(string.Empty, validate.Stdout);
        Assert.Equal(
            [
                "model.yaml(5,19): error CAT0113: the model has no output 'logit'. Did you mean 'logits'? The model's outputs: logits (float32 [?, 2]), sentence_embedding (float32 [?, 384])",
                "model.yaml(9,70): error CAT0102: column 'gender' (sensitive attribute) is not in data/reviews.csv. Columns: text, label, sex",
            ],
            validate.ErrorLines);

        // check stops on the missing column before it runs the model, as validate said it would.
        Assert.Equal(2, check.ExitCode);
        Assert.Contains("model.yaml(9,70): error CAT0102: column 'gender' (sensitive attribute) is not in data/reviews.csv. Columns: text, label, sex", check.ErrorLines);
    }

    [Fact]
    public void The_real_executable_behaves_the_same()
    {
        Policy("0.1");

        var outcome = CliRunner.Process(folder.Path, "check", "policies/catinherit.yaml", "--report-dir", "out");

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("FAIL   group-fairness: parity", outcome.Stdout);
        Assert.True(File.Exists(folder.File("out/report.json")));
        Assert.Equal(0, CliRunner.Process(folder.Path, "schema").ExitCode);
    }

    [Fact]
    public void A_corrupt_model_exits_2_without_a_stack_trace()
    {
        folder.Write("policies/model.onnx", "garbage");
        folder.Write("policies/vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\n");
        folder.Write("policies/catinherit.yaml", """
            version: 1
            model:
              path: model.onnx
              inputs: { text: text, tokenizer: { vocab: vocab.txt } }
              output: { name: logits, kind: logits }
            datasets:
              d: { path: ../data/preds.csv, label: label }
            checks:
              - { id: parity, kind: group-fairness, dataset: d, sensitive: sex, gate: { metric: accuracy, min: 0.5 } }
            """);
        folder.Write("data/preds.csv", "label,sex,text\n1,a,hello\n");

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", "--no-cache");

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("policies/catinherit.yaml(3,9): error CAT0110: model file 'model.onnx' is not a valid ONNX model: ", line);
        Assert.DoesNotContain(" at ", outcome.Stderr);
    }

    [Fact]
    public void Warnings_about_the_policy_go_to_stderr_and_do_not_change_the_exit_code()
    {
        Policy("0.5");
        var text = File.ReadAllText(folder.File("policies/catinherit.yaml")) + "  - { id: report-only, kind: group-fairness, dataset: preds, sensitive: sex }\n";
        folder.Write("policies/catinherit.yaml", text);

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", "--quiet");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["policies/catinherit.yaml(13,5): warning CAT0030: check 'report-only' has no gate: it reports its metrics but can never fail; add 'gate: { metric: ..., max: ... }' to make it a check"], outcome.ErrorLines);
    }

    [Fact]
    public void A_report_folder_that_cannot_be_written_exits_2_with_a_diagnostic()
    {
        Policy("0.5");
        folder.Write("out", "a file where the report folder should be");

        var outcome = CliRunner.InProcess(folder.Path, "check", "policies/catinherit.yaml", "--report-dir", "out", "--quiet");

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("catinherit: error CAT0500: reports cannot be written to 'out': ", line);
    }
}
