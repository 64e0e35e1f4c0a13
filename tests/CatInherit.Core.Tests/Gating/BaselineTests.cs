using CatInherit.Gating;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Gating;

public sealed class BaselineTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    // The mode comes from the run settings (CI=true, CATINHERIT_ACCEPT=1: see RunSettingsTests), not from the process environment.
    private CheckReport Run(string data, BaselineMode mode = BaselineMode.Review)
    {
        folder.Write("d.csv", data);
        var policy = PolicyRun.FairnessPolicy("d.csv", checkExtra: "    baseline: { tolerance: 0.05 }\n    resamples: 0\n");
        var path = folder.Write("catinherit.yaml", policy);
        return Assert.Single(PolicyRunner.Run(path, new RunOptions { Baselines = mode }).Report!.Checks);
    }

    // demographic parity difference 0.25 (0.75 vs 0.5); the worse data: 0.5 (0.75 vs 0.25).
    private const string Good = "label,pred,sex\n1,1,a\n1,1,a\n0,1,a\n0,0,a\n1,1,b\n1,1,b\n0,0,b\n0,0,b\n";
    private const string Worse = "label,pred,sex\n1,1,a\n1,1,a\n0,1,a\n0,0,a\n1,1,b\n1,0,b\n0,0,b\n0,0,b\n";

    [Fact]
    public void The_first_run_writes_a_received_file_and_asks_for_approval()
    {
        var check = Run(Good);

        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.True(File.Exists(folder.File("catinherit.parity.received.json")));
        Assert.Contains(check.Warnings, w => w.Contains("rename it to catinherit.parity.verified.json (or run with CATINHERIT_ACCEPT=1)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{ \"metrics\": 0.25 }")]
    [InlineData("not json")]
    public void A_verified_file_without_the_metric_fails_with_a_message(string content)
    {
        folder.Write("catinherit.parity.verified.json", content);

        var check = Run(Good);

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.EndsWith("; catinherit.parity.verified.json has no value for demographic_parity_difference: approve a new baseline", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ci_true_a_missing_verified_file_fails()
    {
        var check = Run(Good, BaselineMode.RequireVerified);

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("no verified baseline (catinherit.parity.verified.json) and CI=true", check.Message);
    }

    [Fact]
    public void Approved_baselines_catch_regressions_beyond_the_tolerance()
    {
        Run(Good, BaselineMode.Accept);
        Assert.True(File.Exists(folder.File("catinherit.parity.verified.json")));

        var same = Run(Good);
        var worse = Run(Worse);

        Assert.Equal(CheckStatus.Pass, same.Status);
        Assert.EndsWith("; baseline 0.25 (verified), tolerance 0.05", same.Message);
        Assert.Equal(CheckStatus.Fail, worse.Status);
        Assert.Equal("demographic_parity_difference 0.5 regressed from the baseline 0.25 (verified), tolerance 0.05; if the change is intended, approve catinherit.parity.received.json", worse.Message);
    }

    [Fact]
    public void A_baseline_needs_a_gate()
    {
        var problems = CatInherit.Probes.CheckKinds.Parse("version: 1\ndatasets: { d: { path: d.csv, label: l, prediction: p } }\nchecks:\n  - { id: a, kind: group-fairness, dataset: d, sensitive: s, baseline: { tolerance: 0.1 } }\n", "p.yaml", folder.Path).Diagnostics;

        Assert.Contains(problems, d => d.ToString().Contains("error CAT0011: check 'a' has a 'baseline' but no 'gate'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_baseline_that_cannot_be_written_is_a_warning_not_a_crash()
    {
        Directory.CreateDirectory(folder.File("catinherit.parity.received.json.tmp"));

        var check = Run(Good);

        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Contains(check.Warnings, w => w.Contains("catinherit.parity.received.json cannot be written", StringComparison.Ordinal));
    }
}
