using CatInherit.Tests.Support;

namespace CatInherit.Cli.Tests;

/// <summary>Control bytes and line breaks from data never reach the terminal raw, and never split a line.</summary>
[Collection("cli")]
public sealed class ConsoleEscapingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static bool Clean(string text) => !text.Any(c => c != '\n' && (char.IsControl(c) || c is '\u202E'));

    private void Policy() => folder.Write("p.yaml", """
        version: 1
        datasets:
          d: { path: d.jsonl, label: y, prediction: p }
        checks:
          - { id: parity, kind: group-fairness, dataset: d, sensitive: g, resamples: 0, gate: { metric: demographic_parity_difference, max: 0.1 } }
        """);

    [Fact]
    public void Group_values_in_check_lines_and_warnings_are_shown_escaped()
    {
        Policy();
        folder.Write("d.jsonl", """
            {"y": 1, "p": 1, "g": "clear\u001B[2Jscreen"}
            {"y": 0, "p": 1, "g": "clear\u001B[2Jscreen"}
            {"y": 1, "p": 0, "g": "two\nlines"}
            {"y": 0, "p": 0, "g": "two\nlines"}
            {"y": 1, "p": 1, "g": "\u202Eevil"}
            """);

        var outcome = CliRunner.InProcess(folder.Path, "check", "p.yaml");

        Assert.Equal(1, outcome.ExitCode);
        Assert.True(Clean(outcome.Stdout) && Clean(outcome.Stderr), outcome.Stdout + outcome.Stderr);
        Assert.Equal(2, outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("selection_rate ranges from 0 ('two\\nlines', n=2) to 1 ('clear\\u001B[2Jscreen', n=2)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            [
                "p.yaml(5,5): warning CAT0300: parity: group '\\u202Eevil' has a single row, so each of its rates is 0 or 1; check the value for a typo, or set min_group_size to leave tiny groups out",
                "p.yaml(5,5): warning CAT0300: parity: group '\\u202Eevil' has no rows labelled negative (not '1'), so its false positive rate is 0/0; it is taken as 0, as fairlearn does (scikit-learn's normalised confusion matrix), in equalized_odds_*",
            ],
            outcome.ErrorLines);
    }

    [Fact]
    public void A_diagnostic_that_quotes_a_value_stays_one_line()
    {
        Policy();
        folder.Write("d.jsonl", """
            {"y": 1, "p": 1, "g": "a"}
            {"y": 0, "p": "n\u0000o\r\nway", "g": "b"}
            """);

        var outcome = CliRunner.InProcess(folder.Path, "check", "p.yaml");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(["d.jsonl(2,1): error CAT0105: column 'p' (prediction), row 2: 'n\\u0000o\\r\\nway' never occurs in the label column 'y' (0, 1); fix the value, or declare every class with 'classes: [...]' on dataset 'd'"], outcome.ErrorLines);
    }
}
