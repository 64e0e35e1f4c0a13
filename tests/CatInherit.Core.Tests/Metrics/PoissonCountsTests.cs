using System.Globalization;
using CatInherit.Metrics;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Metrics;

/// <summary>The Poisson(1) counts: exact thresholds, the right distribution, vector kernels equal to the scalar one.</summary>
public sealed class PoissonCountsTests
{
    private static ulong[] Identities(int count, ulong content = 17) => [.. Enumerable.Range(0, count).Select(j => RowIdentity.Of(content, j))];

    [Fact]
    public void The_thresholds_are_the_exact_poisson_cdf()
    {
        var fixture = Fixture.Load("poisson.json");
        var expected = fixture.GetProperty("thresholds").EnumerateArray().Select(t => ulong.Parse(t.GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(expected, PoissonCounts.Thresholds);
        Assert.Equal(PoissonCounts.MaxCount, expected.Length);
    }

    [Fact]
    public void Counts_follow_poisson_1()
    {
        const int n = 1_000_000;
        var counts = new byte[n];
        var total = PoissonCounts.Fill(Identities(n), PoissonCounts.Key(3, 0), counts);
        var pmf = Fixture.Load("poisson.json").GetProperty("pmf").EnumerateArray().Select(p => p.GetDouble()).ToArray();

        // Mean 1 and variance 1: 5 standard errors.
        Assert.InRange(total / (double)n, 1 - (5 / Math.Sqrt(n)), 1 + (5 / Math.Sqrt(n)));
        var variance = counts.Average(c => (c - 1.0) * (c - 1.0));
        Assert.InRange(variance, 1 - (5 * Math.Sqrt(3.0 / n)), 1 + (5 * Math.Sqrt(3.0 / n)));
        for (var k = 0; k <= 5; k++)
        {
            var expected = pmf[k] * n;
            Assert.InRange(counts.Count(c => c == k), expected - (5 * Math.Sqrt(expected)), expected + (5 * Math.Sqrt(expected)));
        }

        // The vector kernels' rare path: counts above the five thresholds they compare directly.
        Assert.True(counts.Max() >= 6);
    }

    [Fact]
    public void The_vector_kernels_give_the_scalar_counts()
    {
        foreach (var length in new[] { 0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 63, 64, 65, 1000, 70_001 })
        {
            var identities = Identities(length, (ulong)length);
            for (var resample = 0; resample < 3; resample++)
            {
                var key = PoissonCounts.Key(11, resample);
                var expected = identities.Select(id => PoissonCounts.Count(id, key)).ToArray();
                var counts = new byte[length];

                Assert.Equal(expected.Sum(), PoissonCounts.Fill(identities, key, counts));
                Assert.Equal(expected, counts.Select(c => (int)c));
                Assert.Equal(expected.Sum(), PoissonCounts.Sum(identities, key));
                Assert.Equal(expected.Sum(), PoissonCounts.SumOccurrences((ulong)length, 0, length, key));
                Assert.Equal(expected.Skip(5).Sum(), PoissonCounts.SumOccurrences((ulong)length, 5, Math.Max(5, length), key));
            }
        }
    }

    [Fact]
    public void Resamples_and_rows_are_independent()
    {
        const int n = 200_000;
        var identities = Identities(n);
        var a = new byte[n];
        var b = new byte[n];
        PoissonCounts.Fill(identities, PoissonCounts.Key(5, 0), a);
        PoissonCounts.Fill(identities, PoissonCounts.Key(5, 1), b);

        // Correlation of one row's counts in two resamples, and of neighbouring rows in one: 0 within 5 standard errors.
        static double Correlation(IReadOnlyList<byte> x, IReadOnlyList<byte> y)
        {
            double mx = x.Average(v => (double)v), my = y.Average(v => (double)v), sxy = 0, sx = 0, sy = 0;
            for (var i = 0; i < x.Count; i++)
            {
                sxy += (x[i] - mx) * (y[i] - my);
                sx += (x[i] - mx) * (x[i] - mx);
                sy += (y[i] - my) * (y[i] - my);
            }

            return sxy / Math.Sqrt(sx * sy);
        }

        Assert.InRange(Correlation(a, b), -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(Correlation(a[1..], a[..^1]), -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.NotEqual(PoissonCounts.Key(5, 0), PoissonCounts.Key(6, 0));
    }
}
