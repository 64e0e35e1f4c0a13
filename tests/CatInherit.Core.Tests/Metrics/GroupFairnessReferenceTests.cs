using System.Text;
using System.Text.Json;
using CatInherit.Gating;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Metrics;

/// <summary>The whole pipeline (CSV → policy → probe) against values computed with scikit-learn (Fixtures/make_fixtures.py).</summary>
public sealed class GroupFairnessReferenceTests : IDisposable
{
    private const double Tolerance = 1e-12;
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load("fairness.json").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_scikit_learn_reference(string name)
    {
        var fixture = Fixture.Load("fairness.json").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var csv = new StringBuilder("g,h,label,pred\n");
        foreach (var row in fixture.GetProperty("rows").EnumerateArray())
        {
            csv.AppendJoin(',', row.EnumerateArray().Select(v => v.GetString())).Append('\n');
        }

        folder.Write("data.csv", csv.ToString());
        var sensitive = "[" + string.Join(", ", fixture.GetProperty("sensitive").EnumerateArray().Select(s => s.GetString())) + "]";
        var positive = fixture.GetProperty("positive_label").GetString();
        var result = PolicyRun.Run(folder, PolicyRun.FairnessPolicy("data.csv", sensitive: sensitive, checkExtra: $"    positive_label: {positive}\n    resamples: 0\n"));

        Assert.Empty(result.Diagnostics);
        var check = Assert.Single(result.Report!.Checks);
        foreach (var expected in fixture.GetProperty("metrics").EnumerateObject())
        {
            var actual = check.Metrics.SingleOrDefault(m => m.Name == expected.Name);
            if (expected.Value.ValueKind == JsonValueKind.Null)
            {
                Assert.Null(actual);
                Assert.Contains(check.Undefined, u => u.Key == expected.Name);
            }
            else
            {
                Assert.NotNull(actual);
                Assert.Equal(expected.Value.GetDouble(), actual.Value, Tolerance);
            }
        }

        var groups = fixture.GetProperty("groups").EnumerateObject().ToList();
        Assert.Equal(groups.Select(g => g.Name), check.Groups.Select(g => g.Name));
        foreach (var (expected, actual) in groups.Zip(check.Groups))
        {
            Assert.Equal(expected.Value.GetProperty("n").GetInt64(), actual.Count);
            foreach (var metric in expected.Value.EnumerateObject().Where(p => p.Name != "n"))
            {
                var value = actual.Metrics.SingleOrDefault(m => m.Name == metric.Name);
                if (metric.Value.ValueKind == JsonValueKind.Null)
                {
                    Assert.Null(value);
                }
                else
                {
                    Assert.Equal(metric.Value.GetDouble(), value!.Value, Tolerance);
                }
            }
        }
    }

    [Fact]
    public void The_contract_example_by_hand()
    {
        // Group a: 4 rows, 3 predicted positive; group b: 4 rows, 1 predicted positive.
        // a: labels 1,1,0,0 preds 1,1,1,0 → TP 2, FP 1, FN 0, TN 1: sel .75, acc .75, TPR 1, FPR .5
        // b: labels 1,1,0,0 preds 1,0,0,0 → TP 1, FP 0, FN 1, TN 2: sel .25, acc .75, TPR .5, FPR 0
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n1,1,a\n0,1,a\n0,0,a\n1,1,b\n1,0,b\n0,0,b\n0,0,b\n");

        var check = Assert.Single(PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv", checkExtra: "    resamples: 0\n")).Report!.Checks);

        double Metric(string name) => check.Metrics.Single(m => m.Name == name).Value;
        Assert.Equal(0.75, Metric("accuracy"));
        Assert.Equal(0.5, Metric("demographic_parity_difference"));
        Assert.Equal(1.0 / 3, Metric("demographic_parity_ratio"), 15);
        Assert.Equal(0.5, Metric("equal_opportunity_difference"));
        Assert.Equal(0.5, Metric("equal_opportunity_ratio"));
        Assert.Equal(0.5, Metric("equalized_odds_difference"));
        Assert.Equal(0.0, Metric("equalized_odds_ratio"));
        Assert.Equal(0.75, Metric("worst_group_accuracy"));
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal("demographic_parity_difference 0.5 meets max 0.5 (n=8)", check.Message);
    }

    [Fact]
    public void A_group_without_positives_has_tpr_0_as_in_fairlearn_with_a_warning()
    {
        // b has no positive labels: fairlearn (scikit-learn's normalised confusion matrix) takes its TPR as 0, so the
        // difference is 1 − 0 = 1. Before, it was undefined and the check an error; now it is fairlearn's number.
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n0,0,a\n0,1,b\n0,0,b\n");
        var policy = PolicyRun.FairnessPolicy("d.csv", checkExtra: "    resamples: 0\n").Replace("demographic_parity_difference", "equal_opportunity_difference");

        var check = Assert.Single(PolicyRun.Run(folder, policy).Report!.Checks);

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal(1.0, check.Metrics.Single(m => m.Name == "equal_opportunity_difference").Value);
        Assert.Equal(0.0, check.Groups.Single(g => g.Name == "b").Metrics.Single(m => m.Name == "true_positive_rate").Value);
        Assert.Contains("group 'b' has no rows labelled positive ('1'), so its true positive rate is 0/0; it is taken as 0, as fairlearn does (scikit-learn's normalised confusion matrix), in equal_opportunity_* and equalized_odds_*", check.Warnings);
        Assert.Equal("equal_opportunity_difference 1 exceeds max 0.5 (n=4); true_positive_rate ranges from 0 ('b', n=2) to 1 ('a', n=2)", check.Message);
    }

    [Fact]
    public void No_group_with_a_true_positive_leaves_the_tpr_ratio_undefined_with_the_reason()
    {
        folder.Write("d.csv", "label,pred,sex\n1,0,a\n0,1,a\n0,0,b\n0,1,b\n");
        var policy = PolicyRun.FairnessPolicy("d.csv", checkExtra: "    resamples: 0\n").Replace("demographic_parity_difference, max: 0.5", "equal_opportunity_ratio, min: 0.8");

        var result = PolicyRun.Run(folder, policy);
        var check = Assert.Single(result.Report!.Checks);

        Assert.Equal(CheckStatus.Error, check.Status);
        Assert.Equal("equal_opportunity_ratio is undefined: no group has a true positive (the true positive rate is 0 in every group), so the ratio of the smallest to the largest is 0/0 (fairlearn returns not-a-number here too) (n=4)", check.Message);
        Assert.DoesNotContain(check.Metrics, m => m.Name == "equal_opportunity_ratio");
        Assert.DoesNotContain("NaN", ReportWriters.ToText(result.Report, new JsonReportWriter()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_positive_prediction_makes_the_parity_ratio_undefined()
    {
        folder.Write("d.csv", "label,pred,sex\n1,0,a\n0,0,a\n1,0,b\n0,0,b\n");
        var policy = PolicyRun.FairnessPolicy("d.csv", checkExtra: "    resamples: 0\n").Replace("demographic_parity_difference, max: 0.5", "demographic_parity_ratio, min: 0.8");

        var check = Assert.Single(PolicyRun.Run(folder, policy).Report!.Checks);

        Assert.Equal(CheckStatus.Error, check.Status);
        Assert.Equal("demographic_parity_ratio is undefined: no group has a positive prediction (the selection rate is 0 in every group), so the ratio of the smallest to the largest is 0/0 (fairlearn returns not-a-number here too) (n=4)", check.Message);
    }

    [Fact]
    public void Small_groups_are_reported_excluded_and_warned_about()
    {
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n0,0,a\n1,1,a\n1,0,b\n0,0,b\n1,1,b\n1,1,c\n");

        var check = Assert.Single(PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv", checkExtra: "    min_group_size: 2\n    resamples: 0\n")).Report!.Checks);

        Assert.Equal(6, check.Count);
        Assert.Equal(["a", "b", "c"], check.Groups.Select(g => g.Name));
        Assert.True(check.Groups[2].Excluded);
        Assert.Equal(["group 'c' has 1 row, fewer than min_group_size 2; it is reported but excluded from the metrics"], check.Warnings);
        Assert.Equal(2.0 / 3 - 1.0 / 3, check.Metrics.Single(m => m.Name == "demographic_parity_difference").Value, 15);
    }

    [Fact]
    public void An_unknown_positive_label_is_invalid_input()
    {
        folder.Write("d.csv", "label,pred,sex\nyes,yes,a\nno,no,b\n");

        var result = PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv"));

        Assert.Null(result.Report);
        Assert.Equal(["catinherit.yaml(8,5): error CAT0027: check 'parity': the default positive label '1' is not one of the classes [no, yes]; set 'positive_label' to the class that counts as positive"],
            result.Diagnostics.Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty)));
    }

    [Fact]
    public void Logit_scores_become_predictions_by_argmax()
    {
        // Row 1: logits favour class 1; row 2: class 0; a single logit column is the positive class's log-odds.
        folder.Write("d.csv", "label,z0,z1,z,sex\n1,-1,2,3,a\n0,2,-1,-3,b\n");
        var two = PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv", "    scores: [z0, z1]\n    score_kind: logits\n", "    resamples: 0\n"));
        var one = PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv", "    scores: [z]\n    score_kind: logits\n", "    resamples: 0\n"));

        foreach (var run in new[] { two, one })
        {
            var groups = Assert.Single(run.Report!.Checks).Groups;
            Assert.Equal(1.0, groups[0].Metrics.Single(m => m.Name == "selection_rate").Value);
            Assert.Equal(0.0, groups[1].Metrics.Single(m => m.Name == "selection_rate").Value);
        }
    }

    [Fact]
    public void Numeric_labels_match_across_spellings()
    {
        folder.Write("d.csv", "label,pred,sex\n1.0,1,a\n0,0.0,a\n1,1.0,b\n0.0,0,b\n");

        var check = Assert.Single(PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv", checkExtra: "    positive_label: \"1.00\"\n    resamples: 0\n")).Report!.Checks);

        // Were "1.0", "1" and "1.00" (or "0" and "0.0") different classes, no prediction would match its label,
        // and the positive label would match nothing.
        double Group(string metric) => check.Groups[0].Metrics.Single(m => m.Name == metric).Value;
        Assert.Equal(1.0, check.Metrics.Single(m => m.Name == "accuracy").Value);
        Assert.Equal(0.5, Group("selection_rate"));
        Assert.Equal(1.0, Group("true_positive_rate"));
        Assert.Equal(0.0, Group("false_positive_rate"));
    }
}
