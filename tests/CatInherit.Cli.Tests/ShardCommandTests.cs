using System.Globalization;
using CatInherit.Tests.Support;

namespace CatInherit.Cli.Tests;

/// <summary><c>check --shard I/N --partial-dir DIR</c> and <c>merge DIR...</c>: the commands the CI examples run.</summary>
[Collection("cli")]
public sealed class ShardCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ShardCommandTests()
    {
        // Class 1 when x1 > x0; the group is x0's half, so the groups' positive rates differ.
        TinyModels.Linear(folder.File("linear.onnx"), bias: [0f, 0f]);
        folder.Write("data.csv", "label,x0,x1,x2,group\n" + string.Concat(Enumerable.Range(0, 400).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{(i * 7 % 5 > 1 ? 1 : 0)},{(i * 37 % 101) / 100.0:R},{(i * 53 % 97) / 96.0:R},{(i * 17 % 89) / 88.0:R},{((i * 37 % 101) / 100.0 > 0.5 ? "a" : "b")}\n"))));
    }

    public void Dispose() => folder.Dispose();

    private void Policy(string max) => folder.Write("catinherit.yaml", $$"""
        version: 1
        model: { path: linear.onnx, provider: cpu, cache: false, batch_size: 16, inputs: { features: [x0, x1, x2] }, output: { name: logits, kind: logits } }
        datasets:
          data: { path: data.csv, label: label }
        checks:
          - { id: parity, kind: group-fairness, dataset: data, sensitive: group, gate: { metric: demographic_parity_difference, max: {{max}} } }
          - { id: calibration, kind: calibration, dataset: data }
        """);

    [Theory]
    [InlineData("0.9", 0)]
    [InlineData("0.0001", 1)]
    public void Three_shard_processes_merged_give_the_single_run_s_report_and_exit_code(string max, int exit)
    {
        Policy(max);
        var single = CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--report-dir", "single", "--quiet");
        Assert.Equal(exit, single.ExitCode);

        for (var i = 1; i <= 3; i++)
        {
            var shard = CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--shard", $"{i}/3", "--partial-dir", $"partials/job-{i}");
            Assert.Equal(0, shard.ExitCode);
            Assert.Equal(string.Empty, shard.Stdout);
            Assert.Contains($"wrote partials/job-{i}/shard-{i}-of-3.catpartial.json (shard {i}/3)", shard.Stderr, StringComparison.Ordinal);
        }

        var merged = CliRunner.InProcess(folder.Path, "merge", "partials", "--report-dir", "merged", "--format", "md");

        Assert.Equal(exit, merged.ExitCode);
        Assert.Contains("2 checks:", merged.Stdout, StringComparison.Ordinal);
        var json = File.ReadAllText(folder.File("merged/report.json"));
        Assert.Contains("\n  \"shards\": 3,\n", json, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(folder.File("single/report.json")), json.Replace("\n  \"shards\": 3,", string.Empty, StringComparison.Ordinal));
        Assert.True(File.Exists(folder.File("merged/report.md")));
    }

    [Theory]
    [InlineData("5/4", "shard '5/4': N must be from 1 to 4096 and I from 1 to N")]
    [InlineData("2", "a shard is written I/N (shard I of N, e.g. 2/4); found '2'")]
    [InlineData("0/3", "shard '0/3'")]
    public void A_bad_shard_is_CAT0700_and_exits_2(string shard, string message)
    {
        Policy("0.9");

        var outcome = CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--shard", shard, "--partial-dir", "p");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"error CAT0700: --shard: {message}", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("p")));
    }

    [Fact]
    public void A_shard_without_a_partial_folder_is_CAT0700()
    {
        Policy("0.9");

        var outcome = CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--shard", "1/2");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error CAT0700: --shard: a shard writes a partial file; name its folder with --partial-dir", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_with_a_shard_missing_exits_2_with_CAT0702_and_writes_nothing()
    {
        Policy("0.9");
        CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--shard", "1/3", "--partial-dir", "partials", "--quiet");
        CliRunner.InProcess(folder.Path, "check", "catinherit.yaml", "--shard", "3/3", "--partial-dir", "partials", "--quiet");

        var outcome = CliRunner.InProcess(folder.Path, "merge", "partials", "--report-dir", "merged");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error CAT0702: shard 2/3 missing: 2 partials found for 3 shards", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("merged")));
    }
}
