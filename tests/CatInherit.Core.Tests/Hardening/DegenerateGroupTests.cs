using CatInherit.Tests.Support;
using static CatInherit.Tests.Hardening.HardeningRun;

namespace CatInherit.Tests.Hardening;

/// <summary>One group is nothing to compare (an error, not a parity difference of 0); a group of one row is warned about.</summary>
public sealed class DegenerateGroupTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_sensitive_column_with_one_value_is_an_error()
    {
        var problems = Problems(folder, PolicyRun.FairnessPolicy("d.csv"), Text("d.csv", "label,pred,sex\n1,1,a\n0,1,a\n1,1,a\n0,0,a\n"));

        Assert.Equal(["catinherit.yaml(11,16): error CAT0013: check 'parity': every row has the same 'sex' ('a', 4 rows), so there is one group and nothing to compare; group fairness needs at least two groups"], problems);
    }

    [Fact]
    public void One_group_left_by_min_group_size_is_an_error_at_that_key()
    {
        var problems = Problems(folder, PolicyRun.FairnessPolicy("d.csv", checkExtra: "    min_group_size: 3\n"), Text("d.csv", "label,pred,sex\n1,1,a\n0,1,a\n1,1,a\n0,0,b\n1,0,c\n"));

        Assert.Equal(["catinherit.yaml(13,21): error CAT0013: check 'parity': only one group of 'sex' has at least min_group_size 3 rows ('a' (3), 'b' (1), 'c' (1)), so there is nothing to compare; lower 'min_group_size' or add rows"], problems);
    }

    [Fact]
    public void A_group_of_one_row_is_kept_with_a_warning()
    {
        var result = Run(folder, PolicyRun.FairnessPolicy("d.csv"), Text("d.csv", "label,pred,sex\n1,1,a\n0,1,a\n1,1,b\n0,0,b\n1,0,femal\n"));

        var check = Assert.Single(result.Report!.Checks);
        Assert.Equal(3, check.Groups.Count(g => !g.Excluded));
        Assert.Equal(
            [
                "group 'femal' has a single row, so each of its rates is 0 or 1; check the value for a typo, or set min_group_size to leave tiny groups out",
                "group 'femal' has no rows labelled negative (not '1'), so its false positive rate is 0/0; it is taken as 0, as fairlearn does (scikit-learn's normalised confusion matrix), in equalized_odds_*",
                "545 of 1000 bootstrap resamples left demographic_parity_difference undefined and were dropped from its interval (a Poisson resample can draw no row of a small group, or none of the rows that make a ratio's denominator nonzero)",
            ],
            check.Warnings);
    }

    [Fact]
    public void An_excluded_group_of_one_row_says_row_not_rows()
    {
        var result = Run(folder, PolicyRun.FairnessPolicy("d.csv", checkExtra: "    min_group_size: 2\n"), Text("d.csv", "label,pred,sex\n1,1,a\n0,1,a\n1,1,b\n0,0,b\n1,0,c\n"));

        // Groups of two rows: a Poisson resample draws neither row of one of them about a quarter of the time (1 − (1 − e⁻²)²).
        Assert.Equal(
            [
                "group 'c' has 1 row, fewer than min_group_size 2; it is reported but excluded from the metrics",
                "247 of 1000 bootstrap resamples left demographic_parity_difference undefined and were dropped from its interval (a Poisson resample can draw no row of a small group, or none of the rows that make a ratio's denominator nonzero)",
            ],
            Assert.Single(result.Report!.Checks).Warnings);
    }
}
