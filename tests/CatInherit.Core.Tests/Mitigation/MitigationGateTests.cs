using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Mitigation;
using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.Tests.Mitigation;

/// <summary>
/// The mitigation gate on one check, with the values of the sentiment example's identity-template check before and after
/// temperature scaling: a move that stays inside the original's interval but crosses the threshold still makes the fix worse.
/// </summary>
public sealed class MitigationGateTests
{
    private static readonly SourceLocation At = new("catinherit.yaml", 3, 5);

    private static CheckReport Check(CheckStatus status, double value, double lower, double upper) => new()
    {
        Id = "identity-terms-in-templates",
        Kind = "identity-templates",
        Status = status,
        Count = 3250,
        Metrics = [new MetricValue("max_term_gap", value)],
        Intervals = [new("max_term_gap", new Interval(lower, upper))],
        Gate = new GateResult(new GateSpec("max_term_gap", GateOp.Max, 0.25, At), value),
        Message = "m",
        Location = At,
    };

    [Fact]
    public void A_check_that_warned_and_now_fails_inside_the_original_interval_is_worse()
    {
        var comparison = MitigationComparer.Compare(Check(CheckStatus.Warn, 0.2262, 0.1898, 0.2707), Check(CheckStatus.Fail, 0.2597, 0.2076, 0.3149));

        Assert.Equal("max_term_gap now fails its gate (max 0.25): 0.2262 → 0.2597, warn → fail", comparison.Worse);
    }

    [Fact]
    public void A_check_that_passed_and_now_fails_inside_the_interval_is_worse()
    {
        var comparison = MitigationComparer.Compare(Check(CheckStatus.Pass, 0.24, 0.2, 0.3), Check(CheckStatus.Fail, 0.26, 0.21, 0.31));

        Assert.Equal("max_term_gap now fails its gate (max 0.25): 0.24 → 0.26, pass → fail", comparison.Worse);
    }

    [Theory]
    [InlineData(CheckStatus.Warn, CheckStatus.Warn)]
    [InlineData(CheckStatus.Pass, CheckStatus.Warn)]
    [InlineData(CheckStatus.Fail, CheckStatus.Fail)]
    public void A_move_inside_the_interval_that_does_not_start_failing_is_not_worse(CheckStatus before, CheckStatus after)
    {
        var comparison = MitigationComparer.Compare(Check(before, 0.2262, 0.1898, 0.2707), Check(after, 0.2597, 0.2076, 0.3149));

        Assert.Null(comparison.Worse);
    }

    [Fact]
    public void A_move_past_the_original_interval_is_worse_whatever_the_status()
    {
        var comparison = MitigationComparer.Compare(Check(CheckStatus.Pass, 0.1, 0.08, 0.12), Check(CheckStatus.Pass, 0.13, 0.11, 0.15));

        Assert.Equal("max_term_gap got worse beyond the original's interval: 0.1 → 0.13", comparison.Worse);
    }
}
