using CatInherit.Metrics;

namespace CatInherit.Tests.Metrics;

/// <summary>Each metric's sufficient statistic adds: two halves merged give the whole's statistic and metrics.</summary>
public sealed class MergeableStatisticsTests
{
    [Fact]
    public void Confusion_counts_of_two_halves_add_up_to_the_whole()
    {
        var random = new Random(3);
        var cells = Enumerable.Range(0, 1000).Select(_ => (byte)random.Next(4)).ToArray();
        ConfusionCounts Count(IEnumerable<byte> rows)
        {
            var c = default(ConfusionCounts);
            foreach (var cell in rows)
            {
                c.Add(cell);
            }

            return c;
        }

        var whole = Count(cells);
        Assert.Equal(whole, Count(cells.Take(400)).Merge(Count(cells.Skip(400))));
        Assert.Equal(whole.Count, Enumerable.Range(0, 4).Sum(cell => whole.Of((byte)cell)));
    }

    [Fact]
    public void Calibration_bins_of_two_halves_add_up_to_the_whole()
    {
        var random = new Random(4);
        var p = Enumerable.Range(0, 600).SelectMany(_ => { var a = random.NextDouble(); return new[] { a, 1 - a }; }).ToArray();
        var labels = Enumerable.Range(0, 300).Select(_ => random.Next(2)).ToArray();
        var rows = Enumerable.Range(0, 300).ToArray();

        var whole = Calibration.Bins(p, 2, labels, rows, 10);
        var merged = Calibration.Bins(p, 2, labels, rows[..120], 10).Merge(Calibration.Bins(p, 2, labels, rows[120..], 10));

        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.Correct, merged.Correct);
        Assert.Equal(whole.Total, merged.Total);
        Assert.Equal(whole.Ece, merged.Ece, 1e-12);
        Assert.Equal(whole.Brier, merged.Brier, 1e-12);
        Assert.All(Enumerable.Range(0, 10), b => Assert.Equal(whole.Confidence[b], merged.Confidence[b], 1e-9));
    }

    [Fact]
    public void Moments_of_two_halves_merge_into_the_whole_mean_and_covariance()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 500).Select(_ => new[] { 1e6 + random.NextDouble(), random.NextDouble() * 3, -random.NextDouble() }).ToArray();

        var whole = MomentSums.Of(rows, 3);
        var merged = MomentSums.Of(rows[..170], 3).Merge(MomentSums.Of(rows[170..], 3));

        Assert.Equal(whole.Count, merged.Count);
        Assert.All(Enumerable.Range(0, 3), a => Assert.Equal(whole.Mean[a], merged.Mean[a], 1e-12 * Math.Max(1, Math.Abs(whole.Mean[a]))));
        Assert.All(Enumerable.Range(0, 9), i => Assert.Equal(whole.Comoment[i], merged.Comoment[i], 1e-8 * Math.Max(1, Math.Abs(whole.Comoment[i]))));
        Assert.Equal(rows.Sum(r => r[1]), whole.Sum()[1], 1e-9);
    }

    [Fact]
    public void A_resample_of_two_halves_is_the_resample_of_the_whole()
    {
        // Each half identifies its rows continuing the first half's occurrences; the counts of resample b then match row for
        // row, so each half's weighted statistic adds up to the whole's (what a sharded run needs to merge intervals exactly).
        var random = new Random(6);
        var positives = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 20)).ToArray();
        var negatives = Enumerable.Range(0, 250).Select(_ => Math.Round(random.NextDouble() * 18)).ToArray();
        ulong Content(double score, bool positive) => RowContent.Of(positive ? "in" : "out").Add(score).Hash;
        ulong[] ContentsOf(double[] p, double[] n) => [.. p.Select(s => Content(s, true)).Concat(n.Select(s => Content(s, false)))];

        var whole = RowIdentity.Assign(ContentsOf(positives, negatives));
        var table = new OccurrenceTable();
        var first = RowIdentity.Assign(ContentsOf(positives[..100], negatives[..90]), table);
        var second = RowIdentity.Assign(ContentsOf(positives[100..], negatives[90..]), table);

        for (var b = 0; b < 20; b++)
        {
            var key = PoissonCounts.Key(9, b);
            RocRuns Weighted(double[] p, double[] n, ulong[] identities)
            {
                var scores = p.Concat(n).ToArray();
                var runs = scores.Select((s, i) => (s, i)).GroupBy(x => x.s).OrderByDescending(g => g.Key).ToArray();
                return new RocRuns(
                    [.. runs.Select(g => g.Key)],
                    [.. runs.Select(g => g.Where(x => x.i < p.Length).Sum(x => (long)PoissonCounts.Count(identities[x.i], key)))],
                    [.. runs.Select(g => g.Where(x => x.i >= p.Length).Sum(x => (long)PoissonCounts.Count(identities[x.i], key)))]);
            }

            var merged = Weighted(positives[..100], negatives[..90], first).Merge(Weighted(positives[100..], negatives[90..], second));
            var expected = Weighted(positives, negatives, whole);

            Assert.Equal(expected.Positives, merged.Positives);
            Assert.Equal(expected.Negatives, merged.Negatives);
            Assert.Equal(expected.Summary(0.05), merged.Summary(0.05));
        }
    }
}
