using CatInherit.Gating;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Gating;

public sealed class GateEvaluatorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public GateEvaluatorTests()
    {
        // Selection rates: a 0.5 (n=40), b 0.35 (n=40) → demographic parity difference 0.15.
        var rows = Enumerable.Range(0, 40).Select(i => $"{i % 2},{(i < 20 ? 1 : 0)},a")
            .Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{(i < 14 ? 1 : 0)},b"));
        folder.Write("d.csv", "label,pred,sex\n" + string.Join('\n', rows) + "\n");
    }

    public void Dispose() => folder.Dispose();

    private CheckReport Run(string gate, string extra = "")
    {
        var policy = PolicyRun.FairnessPolicy("d.csv", checkExtra: extra).Replace("metric: demographic_parity_difference, max: 0.5", gate);
        return Assert.Single(PolicyRun.Run(folder, policy).Report!.Checks);
    }

    [Fact]
    public void A_value_above_max_fails_and_says_by_how_much()
    {
        var check = Run("metric: demographic_parity_difference, max: 0.1");

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.StartsWith("demographic_parity_difference 0.15 [", check.Message);
        Assert.Contains("] exceeds max 0.1 (n=80); selection_rate ranges from 0.35 ('b', n=40) to 0.5 ('a', n=40)", check.Message);
        Assert.Equal(0.15, check.Gate!.Value!.Value, 12);
    }

    [Fact]
    public void A_value_below_min_fails()
    {
        var check = Run("metric: demographic_parity_ratio, min: 0.8");

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("is below min 0.8", check.Message);
    }

    [Fact]
    public void The_threshold_itself_passes() => Assert.Equal(CheckStatus.Pass, Run("metric: demographic_parity_difference, max: 0.15000000000000002").Status);

    [Fact]
    public void Interval_mode_warns_when_the_interval_crosses_the_threshold()
    {
        var point = Run("metric: demographic_parity_difference, max: 0.2");
        var interval = Run("metric: demographic_parity_difference, max: 0.2", "    decide: interval\n");

        Assert.Equal(CheckStatus.Pass, point.Status);
        Assert.Equal(CheckStatus.Warn, interval.Status);
        Assert.True(interval.IntervalOf("demographic_parity_difference")!.Value.Upper > 0.2);
        Assert.Contains("is within max 0.2 but its 95% interval [", interval.Message);
    }

    [Fact]
    public void Interval_mode_passes_when_the_whole_interval_passes() =>
        Assert.Equal(CheckStatus.Pass, Run("metric: demographic_parity_difference, max: 0.9", "    decide: interval\n").Status);

    [Fact]
    public void Interval_mode_still_fails_a_failing_value() =>
        Assert.Equal(CheckStatus.Fail, Run("metric: demographic_parity_difference, max: 0.1", "    decide: interval\n").Status);

    [Fact]
    public void A_check_without_a_gate_reports_only()
    {
        var policy = PolicyRun.FairnessPolicy("d.csv").Replace("    gate: { metric: demographic_parity_difference, max: 0.5 }\n", string.Empty);

        var check = Assert.Single(PolicyRun.Run(folder, policy).Report!.Checks);

        Assert.Equal(CheckStatus.Reported, check.Status);
        Assert.False(check.Fails());
        Assert.False(check.Fails(failOnWarning: true));
        Assert.Null(check.Gate);
        Assert.Equal("no gate; metrics reported only (n=80)", check.Message);
    }

    [Fact]
    public void A_check_without_a_gate_is_shown_as_reported_never_as_passed()
    {
        var policy = PolicyRun.FairnessPolicy("d.csv").Replace("    gate: { metric: demographic_parity_difference, max: 0.5 }\n", string.Empty);

        var report = PolicyRun.Run(folder, policy).Report!;

        Assert.True(report.Passed);
        Assert.Equal("0 passed, 0 failed, 0 warned, 1 reported (no gate)", report.Summary);
        var json = System.Text.Json.JsonDocument.Parse(ReportWriters.ToText(report, new JsonReportWriter())).RootElement;
        Assert.Equal("reported", json.GetProperty("checks")[0].GetProperty("status").GetString());
        Assert.Equal(0, json.GetProperty("summary").GetProperty("pass").GetInt32());
        Assert.Equal(1, json.GetProperty("summary").GetProperty("reported").GetInt32());
        Assert.StartsWith("## CatInherit: passed (0 passed, 0 failed, 0 warned, 1 reported (no gate))", ReportWriters.ToText(report, new MarkdownReportWriter()));
        Assert.Contains("| ℹ️ reported | `parity` |", ReportWriters.ToText(report, new MarkdownReportWriter()));
        Assert.Contains("<td class=\"badge reported\">reported</td>", ReportWriters.ToText(report, new HtmlReportWriter()));
        Assert.StartsWith("group-fairness: parity: reported — no gate", TestMessages.Describe(report.Checks[0]));
    }
}
