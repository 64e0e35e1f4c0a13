using CatInherit.Tests.Support;

namespace CatInherit.Cli.Tests;

/// <summary><c>catinherit mitigate</c> as a user runs it: exit codes, the files written, errors with line and column.</summary>
[Collection("cli")]
public sealed class MitigateCommandTests
{
    private static string Write(TempFolder folder, string fit = "calibration")
    {
        TinyModels.Linear(folder.File("model.onnx"));
        folder.Write("data.csv", OverconfidentRows.Make(200).Csv);
        return folder.Write("catinherit.yaml", $$"""
            version: 1
            models:
              m:
                path: model.onnx
                provider: cpu
                inputs: { features: [a, b, c] }
                output: { name: logits, kind: logits }
                cache: false
            datasets:
              calibration: { path: data.csv, label: label, where: { split: fit } }
              test: { path: data.csv, label: label, where: { split: test } }
            checks:
              - id: calibration
                kind: calibration
                dataset: test
                gate: { metric: ece, max: 0.5 }
            mitigations:
              - { id: calibrated, method: temperature, fit: {{fit}} }
            """);
    }

    [Fact]
    public void Writes_the_mitigated_model_and_the_reports_and_exits_0()
    {
        using var folder = new TempFolder();
        Write(folder);
        var outcome = CliRunner.InProcess(folder.Path, "mitigate", "catinherit.yaml", "--out", "out", "--format", "md,html");
        Assert.True(outcome.ExitCode == 0, outcome.Stderr + outcome.Stdout);
        Assert.Contains("PASS mitigation calibrated (temperature)", outcome.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("out/calibrated.m.onnx")));
        Assert.Contains("| `calibration` | ece |", File.ReadAllText(folder.File("out/mitigation.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("out/before/report.html")));
    }

    [Fact]
    public void A_fit_on_the_gated_split_exits_2_with_the_position_and_writes_nothing()
    {
        using var folder = new TempFolder();
        Write(folder, fit: "test");
        var outcome = CliRunner.InProcess(folder.Path, "mitigate", "catinherit.yaml", "--out", "out");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(outcome.ErrorLines, l => l.Contains("catinherit.yaml(18,49)", StringComparison.Ordinal) && l.Contains("error CAT0740", StringComparison.Ordinal));
        Assert.False(Directory.Exists(folder.File("out")));
    }
}
