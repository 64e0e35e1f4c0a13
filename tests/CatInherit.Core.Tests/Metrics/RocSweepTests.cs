using CatInherit.Metrics;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Metrics;

/// <summary>The one sorted sweep against the plain implementations, on tied data, with resample weights, and merged from parts.</summary>
public sealed class RocSweepTests
{
    /// <summary>Scores on a coarse grid, so ties within and across the two samples are common.</summary>
    private static (double[] Positives, double[] Negatives) Tied(int seed)
    {
        var random = new Random(seed);
        var grid = random.Next(2, 12);
        double[] Draw(int count, double shift) => [.. Enumerable.Range(0, count).Select(_ => Math.Round((random.NextDouble() + shift) * grid) / grid)];
        return (Draw(random.Next(1, 40), 0.3), Draw(random.Next(1, 40), 0));
    }

    [Fact]
    public void Every_quantity_of_the_sweep_equals_the_plain_computation_on_tied_data()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var (p, n) = Tied(seed);
            var summary = Roc.Summary(p, n, 0.1);

            Assert.Equal(NaiveRoc.Auc(p, n), summary.Auc);
            Assert.Equal(NaiveRoc.AuPr(p, n), summary.AuprPositive, 1e-12);
            Assert.Equal(NaiveRoc.AuPr([.. n.Select(s => -s)], [.. p.Select(s => -s)]), summary.AuprNegative, 1e-12);
            Assert.Equal(NaiveRoc.FprAt95Tpr(p, n), summary.NegativeFprAt95Tpr);
            Assert.Equal(NaiveRoc.TprAtFpr(p, n, 0.1), summary.TprAtFpr);
            Assert.Equal(NaiveRoc.Advantage(p, n), summary.Advantage, 1e-15);
            Assert.Equal(NaiveRoc.AttackerAdvantage(p, n), summary.AttackerAdvantage, 1e-15);
            var (fpr, tpr) = NaiveRoc.Curve(p, n);
            var curve = RocRuns.From(p, n).Curve();
            Assert.Equal(fpr, curve.Fpr);
            Assert.Equal(tpr, curve.Tpr);
        }
    }

    [Fact]
    public void A_weighted_sweep_equals_the_sweep_of_the_rows_repeated_by_their_counts()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var (p, n) = Tied(seed);
            var ranked = RankedScores.From(p, n);
            var random = new Random(seed + 1000);
            var counts = Enumerable.Range(0, ranked.Count).Select(_ => (byte)random.Next(0, 4)).ToArray();
            var repeatedPositives = Enumerable.Range(0, ranked.Count).Where(ranked.IsPositive).SelectMany(i => Enumerable.Repeat(ranked.Scores[i], counts[i])).ToArray();
            var repeatedNegatives = Enumerable.Range(0, ranked.Count).Where(i => !ranked.IsPositive(i)).SelectMany(i => Enumerable.Repeat(ranked.Scores[i], counts[i])).ToArray();

            var weighted = ranked.Summary(counts, 0.2);
            var expected = Roc.Summary(repeatedPositives, repeatedNegatives, 0.2);

            Assert.Equal(expected.Auc, weighted.Auc);
            Assert.Equal(expected.AuprPositive, weighted.AuprPositive, 1e-12);
            Assert.Equal(expected.AuprNegative, weighted.AuprNegative, 1e-12);
            Assert.Equal(expected.NegativeFprAt95Tpr, weighted.NegativeFprAt95Tpr);
            Assert.Equal(expected.TprAtFpr, weighted.TprAtFpr);
            Assert.Equal(expected.AttackerAdvantage, weighted.AttackerAdvantage);
        }
    }

    [Fact]
    public void At_the_data_mix_a_resample_s_auprs_are_those_of_its_rows_repeated_to_the_data_s_ratio()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var (p, n) = Tied(seed);
            var ranked = RankedScores.From(p, n);
            var random = new Random(seed + 2000);
            var counts = Enumerable.Range(0, ranked.Count).Select(_ => (byte)random.Next(0, 4)).ToArray();
            long drawnPositives = Enumerable.Range(0, ranked.Count).Where(ranked.IsPositive).Sum(i => (long)counts[i]);
            long drawnNegatives = Enumerable.Range(0, ranked.Count).Where(i => !ranked.IsPositive(i)).Sum(i => (long)counts[i]);
            if (drawnPositives == 0 || drawnNegatives == 0)
            {
                continue;
            }

            // Integer weights in the data's ratio: positives × (P·n), negatives × (N·p), so negatives / positives = N / P.
            var positiveRepeat = p.Length * drawnNegatives;
            var negativeRepeat = n.Length * drawnPositives;
            double[] repeatedPositives = [.. Enumerable.Range(0, ranked.Count).Where(ranked.IsPositive).SelectMany(i => Enumerable.Repeat(ranked.Scores[i], (int)(counts[i] * positiveRepeat)))];
            double[] repeatedNegatives = [.. Enumerable.Range(0, ranked.Count).Where(i => !ranked.IsPositive(i)).SelectMany(i => Enumerable.Repeat(ranked.Scores[i], (int)(counts[i] * negativeRepeat)))];

            var atMix = ranked.Summary(counts, 0.2, atDataMix: true);
            var plain = ranked.Summary(counts, 0.2);

            Assert.Equal(NaiveRoc.AuPr(repeatedPositives, repeatedNegatives), atMix.AuprPositive, 1e-12);
            Assert.Equal(NaiveRoc.AuPr([.. repeatedNegatives.Select(s => -s)], [.. repeatedPositives.Select(s => -s)]), atMix.AuprNegative, 1e-12);
            Assert.Equal(plain with { AuprPositive = 0, AuprNegative = 0 }, atMix with { AuprPositive = 0, AuprNegative = 0 });
        }
    }

    [Fact]
    public void At_the_data_mix_the_data_itself_and_merged_runs_read_the_same()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var (p, n) = Tied(seed);
            var ranked = RankedScores.From(p, n);
            var ones = Enumerable.Repeat((byte)1, ranked.Count).ToArray();

            // Every row once is the data's own mix: the scale is exactly 1, every bit as without it.
            Assert.Equal(ranked.Summary(0.1), ranked.Summary(ones, 0.1, atDataMix: true));
            Assert.Equal(1.0, RankedScores.MixScale(p.Length, n.Length, p.Length, n.Length));

            // A resample's runs read at the data's mix equal the weighted sweep at the data's mix.
            var random = new Random(seed + 3000);
            var counts = Enumerable.Range(0, ranked.Count).Select(_ => (byte)random.Next(0, 3)).ToArray();
            var runs = ranked.Scores.Select((score, i) => (score, i)).GroupBy(x => x.score).OrderByDescending(g => g.Key).ToArray();
            var weighted = new RocRuns(
                [.. runs.Select(g => g.Key)],
                [.. runs.Select(g => g.Where(x => ranked.IsPositive(x.i)).Sum(x => (long)counts[x.i]))],
                [.. runs.Select(g => g.Where(x => !ranked.IsPositive(x.i)).Sum(x => (long)counts[x.i]))]);
            var expected = ranked.Summary(counts, 0.1, atDataMix: true);
            var actual = weighted.Summary(0.1, (p.Length, n.Length));
            Assert.Equal(expected.Auc, actual.Auc);
            Assert.Equal(expected.AuprPositive, actual.AuprPositive, 1e-12);
            Assert.Equal(expected.AuprNegative, actual.AuprNegative, 1e-12);
        }
    }

    [Fact]
    public void The_runs_of_two_halves_merged_are_the_runs_of_the_whole()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var (p, n) = Tied(seed);
            var (p1, p2) = (p[..(p.Length / 2)], p[(p.Length / 2)..]);
            var (n1, n2) = (n[..(n.Length / 3)], n[(n.Length / 3)..]);

            var whole = RocRuns.From(p, n);
            var merged = RocRuns.From(p1, n1).Merge(RocRuns.From(p2, n2));

            Assert.Equal(whole.Scores, merged.Scores);
            Assert.Equal(whole.Positives, merged.Positives);
            Assert.Equal(whole.Negatives, merged.Negatives);
            Assert.Equal(whole.Summary(0.1), merged.Summary(0.1));
        }
    }

    [Fact]
    public void An_empty_side_or_an_empty_resample_is_undefined()
    {
        Assert.True(double.IsNaN(Roc.Summary([1.0], []).Auc));
        Assert.True(double.IsNaN(RankedScores.From([1.0, 2.0], [0.5]).Summary([0, 0, 1]).Auc));
        Assert.Equal(RocSummary.Undefined, RankedScores.From([1.0], [0.5]).Summary([0, 0]));
    }

    [Fact]
    public void Large_samples_sorted_on_two_cores_give_the_one_core_order()
    {
        var random = new Random(7);
        double[] positives = [.. Enumerable.Range(0, 70_000).Select(_ => Math.Round(random.NextDouble() * 1000) + 3)];
        double[] negatives = [.. Enumerable.Range(0, 50_000).Select(_ => Math.Round(random.NextDouble() * 1000))];
        var ranked = RankedScores.From(positives, negatives);

        Assert.Equal(positives.Concat(negatives).OrderDescending(), ranked.Scores);
        Assert.Equal(positives.Length, Enumerable.Range(0, ranked.Count).Count(ranked.IsPositive));
        Assert.All(Enumerable.Range(0, ranked.Count), i => Assert.Equal(ranked.Scores[i], ranked.Rows[i] < positives.Length ? positives[ranked.Rows[i]] : negatives[ranked.Rows[i] - positives.Length]));
        Assert.Equal(NaiveRoc.Auc(positives, negatives), ranked.Summary().Auc);
    }
}
