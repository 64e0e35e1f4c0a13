using System.Reflection;
using System.Text.Json;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Cli.Tests;

/// <summary>The version the tool and its reports carry, and what CI systems pick up without configuration.</summary>
[Collection("cli")]
public sealed class CiOutputsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public CiOutputsTests()
    {
        // Groups of 12 rows: a Poisson bootstrap resample practically never draws none of a group (e⁻¹² each), so no resample is dropped.
        folder.Write("preds.csv", "label,pred,sex\n" + string.Concat(Enumerable.Repeat("1,1,a\n0,1,a\n1,1,a\n0,0,a\n1,0,b\n0,0,b\n1,1,b\n0,0,b\n", 3)));
        folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              preds: { path: preds.csv, label: label, prediction: pred }
            checks:
              - id: parity
                kind: group-fairness
                dataset: preds
                sensitive: sex
                gate: { metric: demographic_parity_difference, max: 0.1 }
            """);
    }

    public void Dispose() => folder.Dispose();

    private static string ToolVersion =>
        typeof(CliEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    [Fact]
    public void The_tool_and_the_engine_carry_one_version_which_the_report_records()
    {
        var version = CliRunner.Process(folder.Path, "--version");
        CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--report-dir", "out");

        Assert.Equal(0, version.ExitCode);
        Assert.Equal(ToolVersion + "\n", version.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(ToolVersion, EngineVersion.Current);
        // SemVer 2: MAJOR.MINOR.PATCH, an optional pre-release, optional build metadata (the commit).
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", ToolVersion);
        using var report = JsonDocument.Parse(File.ReadAllText(folder.File("out/report.json")));
        Assert.Equal(ToolVersion, report.RootElement.GetProperty("catinherit_version").GetString());
    }

    [Fact]
    public void With_GITHUB_STEP_SUMMARY_the_markdown_report_is_appended_to_it()
    {
        var summary = folder.Write("summary.md", "# Earlier step\n");
        var environment = CliRunner.QuietEnvironment with { GitHubStepSummary = summary };

        var first = CliRunner.InProcess(folder.Path, environment, "check", "catinherit.yaml");
        var second = CliRunner.InProcess(folder.Path, environment, "check", "catinherit.yaml", "--report-dir", "out", "--format", "md");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        var text = File.ReadAllText(summary);
        var markdown = File.ReadAllText(folder.File("out/report.md"));
        Assert.Equal("# Earlier step\n" + markdown + "\n" + markdown + "\n", text);
        Assert.StartsWith("## CatInherit: failed (0 passed, 1 failed, 0 warned)", markdown);
        Assert.Contains("| `parity` | group-fairness |", markdown);
    }

    [Fact]
    public void A_step_summary_that_cannot_be_written_is_a_warning_and_the_gate_still_decides()
    {
        var environment = CliRunner.QuietEnvironment with { GitHubStepSummary = folder.File("no-such-folder/summary.md") };

        var outcome = CliRunner.InProcess(folder.Path, environment, "check", "catinherit.yaml");

        Assert.Equal(1, outcome.ExitCode);
        var warning = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("catinherit: warning CAT0500: GITHUB_STEP_SUMMARY: cannot append the report to '", warning);
    }

    [Fact]
    public void Under_Azure_Pipelines_junit_is_also_written_where_PublishTestResults_looks()
    {
        var azure = CliRunner.QuietEnvironment with { AzurePipelines = true };

        CliRunner.InProcess(folder.Path, azure, "check", "catinherit.yaml", "--report-dir", "azure", "--format", "junit");
        CliRunner.InProcess(folder.Path, azure, "check", "catinherit.yaml", "--report-dir", "azure-no-junit", "--format", "md");
        CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--report-dir", "elsewhere", "--format", "junit");

        Assert.Equal(File.ReadAllBytes(folder.File("azure/junit.xml")), File.ReadAllBytes(folder.File("azure/TEST-catinherit.xml")));
        Assert.False(File.Exists(folder.File("azure-no-junit/TEST-catinherit.xml")));
        Assert.True(File.Exists(folder.File("elsewhere/junit.xml")));
        Assert.False(File.Exists(folder.File("elsewhere/TEST-catinherit.xml")));
    }
}
