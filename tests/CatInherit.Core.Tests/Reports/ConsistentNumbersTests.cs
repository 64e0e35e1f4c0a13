using System.Text;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Reports;

/// <summary>What a report says about a number agrees with itself: intervals hold their value, defined is not undefined, explanations name the cause.</summary>
public sealed class ConsistentNumbersTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_percentile_interval_that_misses_its_estimate_is_extended_to_it()
    {
        // The case seen in a report: "0 [0.000281, 0.1159]" for a between-group difference.
        var result = new BootstrapResult([new Interval(0.000281, 0.1159), new Interval(0.2, 0.4), new Interval(0.7, 0.99)], [0, 0, 0], 1000);

        var intervals = result.IntervalsFor(["difference", "inside", "ratio"], [0, 0.3, 1]);

        Assert.Equal(new Interval(0, 0.1159), intervals[0].Value);
        Assert.Equal(new Interval(0.2, 0.4), intervals[1].Value);
        Assert.Equal(new Interval(0.7, 1), intervals[2].Value);
    }

    [Fact]
    public void Equal_groups_report_a_zero_difference_inside_its_interval()
    {
        // 1000 rows per group, half selected in each: demographic parity difference 0. The resampled differences
        // are |p̂a − p̂b|, almost never exactly 0 (P ≈ 0.018), so the plain 2.5th percentile lies above 0.
        var csv = new StringBuilder("label,pred,sex\n");
        foreach (var group in new[] { "a", "b" })
        {
            for (var i = 0; i < 1000; i++)
            {
                csv.Append(i % 3 == 0 ? '1' : '0').Append(',').Append(i % 2).Append(',').Append(group).Append('\n');
            }
        }

        folder.Write("d.csv", csv.ToString());
        var check = Assert.Single(PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv")).Report!.Checks);

        Assert.Equal(0, check.Metrics.Single(m => m.Name == "demographic_parity_difference").Value);
        Assert.Equal(0, check.IntervalOf("demographic_parity_difference")!.Value.Lower);
        Assert.True(check.IntervalOf("demographic_parity_difference")!.Value.Upper > 0);
        Assert.Equal(1, check.IntervalOf("demographic_parity_ratio")!.Value.Upper);
        Assert.All(check.Metrics, m => Assert.InRange(m.Value, check.IntervalOf(m.Name)!.Value.Lower, check.IntervalOf(m.Name)!.Value.Upper));
        Assert.Contains("demographic_parity_difference 0 [0, ", check.Message);
    }

    [Fact]
    public void An_equalized_odds_gap_in_false_positive_rates_is_explained_by_them()
    {
        // TPR is 1 in both groups; FPR is 0 ('a') and 0.5 ('b'): the FPR gap decides equalized odds.
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n1,1,a\n0,0,a\n0,0,a\n1,1,b\n1,1,b\n0,1,b\n0,0,b\n");
        var policy = PolicyRun.FairnessPolicy("d.csv").Replace("metric: demographic_parity_difference, max: 0.5", "metric: equalized_odds_difference, max: 0.1");

        var check = Assert.Single(PolicyRun.Run(folder, policy).Report!.Checks);

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.EndsWith("(n=8); false_positive_rate ranges from 0 ('a', n=4) to 0.5 ('b', n=4) (the larger gap); true_positive_rate is 1 in every group", check.Message);
    }

    [Fact]
    public void An_equalized_odds_gap_in_true_positive_rates_is_explained_by_them()
    {
        // FPR 0.5 in both groups; TPR 1 ('a') and 0.5 ('b'): TPR ratio 0.5, FPR ratio 1.
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n1,1,a\n0,1,a\n0,0,a\n1,1,b\n1,0,b\n0,1,b\n0,0,b\n");
        var policy = PolicyRun.FairnessPolicy("d.csv").Replace("metric: demographic_parity_difference, max: 0.5", "metric: equalized_odds_ratio, min: 0.9");

        var check = Assert.Single(PolicyRun.Run(folder, policy).Report!.Checks);

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("; true_positive_rate ranges from 0.5 ('b', n=4) to 1 ('a', n=4) (the smaller ratio); false_positive_rate is 0.5 in every group", check.Message);
    }

    [Fact]
    public void Ood_accuracy_in_is_defined_when_only_the_ood_set_lacks_labels()
    {
        folder.Write("in.csv", "y,p0,p1\n1,0.1,0.9\n0,0.8,0.2\n1,0.3,0.7\n0,0.6,0.4\n1,0.2,0.8\n");
        folder.Write("out.csv", "p0,p1\n0.5,0.5\n0.45,0.55\n0.6,0.4\n");
        folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              in: { path: in.csv, label: y, scores: [p0, p1], score_kind: probabilities }
              out: { path: out.csv, scores: [p0, p1], score_kind: probabilities }
            checks:
              - { id: shift, kind: ood, dataset: in, ood: out, score: msp, gate: { metric: auroc, min: 0.5 } }
            """);

        var check = Assert.Single(PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!.Checks);

        Assert.Equal(1, check.Metrics.Single(m => m.Name == "accuracy_in").Value);
        Assert.Equal(["accuracy_out", "accuracy_drop"], check.Undefined.Select(u => u.Key));
        Assert.Equal("dataset 'out' has no labels", check.Undefined[0].Value);
        Assert.DoesNotContain("accuracy_in undefined", TestMessages.Describe(check));
        Assert.Contains("  accuracy_in = 1", TestMessages.Describe(check));
    }

    [Fact]
    public void Ood_accuracy_on_an_encoder_says_it_lacks_class_predictions_not_labels()
    {
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        folder.Write("in.csv", "text,y\nthe cat sat,1\na dog ran,0\nthe bird sang,1\nthe fish swam,0\n");
        folder.Write("out.csv", "text\nstock prices rose\ninterest rates fell\n");
        folder.Write("catinherit.yaml", """
            version: 1
            model:
              path: echo.onnx
              provider: cpu
              cache: false
              inputs: { text: text, tokenizer: { vocab: vocab.txt } }
              output: { name: hidden, kind: embedding, pooling: mean }
            datasets:
              in: { path: in.csv, label: y }
              out: { path: out.csv }
            checks:
              - { id: shift, kind: ood, dataset: in, ood: out, score: knn, fit: in, k: 1, resamples: 0 }
            """);

        var check = Assert.Single(PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!.Checks);

        Assert.Equal(
            [
                new("accuracy_in", "dataset 'in': model 'model' gives it an embedding, not class predictions"),
                new("accuracy_out", "dataset 'out' has no labels, and model 'model' gives it an embedding, not class predictions"),
                new KeyValuePair<string, string>("accuracy_drop", "accuracy_drop needs labels and predictions on both datasets (dataset 'in': model 'model' gives it an embedding, not class predictions; dataset 'out' has no labels, and model 'model' gives it an embedding, not class predictions)"),
            ],
            check.Undefined);
    }

    [Theory]
    [InlineData(0, "check", "0 checks")]
    [InlineData(1, "check", "1 check")]
    [InlineData(1, "dataset", "1 dataset")]
    [InlineData(2, "dataset", "2 datasets")]
    public void Counts_agree_with_their_noun(int count, string noun, string expected) => Assert.Equal(expected, Numbers.Count(count, noun));
}
