namespace CatInherit.Metrics;

/// <summary>
/// Seeded percentile bootstrap by Poisson(1) weights. Resample <c>b</c> draws each row a Poisson(1) number of times, the
/// count a function of the seed, <c>b</c> and the row's <see cref="RowIdentity"/> alone (<see cref="PoissonCounts"/>): no
/// row is copied, every metric reads the same rows in the same order with counts, resamples run in parallel, and the
/// intervals are the same on any machine and with any number of threads.
/// </summary>
internal static class Bootstrap
{
    /// <summary>
    /// Runs <paramref name="resamples"/> resamples; <paramref name="step"/> computes every metric of one, given its key
    /// (<see cref="PoissonCounts.Key"/>), with a scratch object of its thread.
    /// </summary>
    public static BootstrapResult Run<TScratch>(int resamples, ulong seed, int metricCount, double confidence, Func<TScratch> createScratch, BootstrapStep<TScratch> step)
    {
        var values = new double[metricCount * resamples];
        if (resamples > 0)
        {
            Parallel.For(
                0,
                resamples,
                createScratch,
                (b, _, scratch) =>
                {
                    Span<double> row = stackalloc double[metricCount];
                    step(scratch, PoissonCounts.Key(seed, b), row);
                    for (var m = 0; m < metricCount; m++)
                    {
                        values[(m * resamples) + b] = row[m];
                    }

                    return scratch;
                },
                _ => { });
        }

        return Percentiles(values, resamples, metricCount, confidence);
    }

    /// <summary>
    /// Runs <paramref name="resamples"/> resamples over rows with the given identities (in the order the metrics read them);
    /// <paramref name="step"/> gets each row's count in the resample.
    /// </summary>
    public static BootstrapResult Weighted(int resamples, ulong seed, ulong[] identities, int metricCount, double confidence, WeightedStep step) =>
        Run(resamples, seed, metricCount, confidence, () => new byte[identities.Length], (counts, key, output) =>
        {
            var total = PoissonCounts.Fill(identities, key, counts);
            step(counts, total, output);
        });

    /// <summary>Percentile intervals per metric from the resampled values (metric-major), dropping undefined ones.</summary>
    private static BootstrapResult Percentiles(double[] values, int resamples, int metricCount, double confidence)
    {
        var intervals = new Interval?[metricCount];
        var dropped = new int[metricCount];
        var alpha = 1 - confidence;
        for (var m = 0; m < metricCount; m++)
        {
            var slice = values.AsSpan(m * resamples, resamples);
            var defined = 0;
            foreach (var v in slice)
            {
                if (!double.IsNaN(v))
                {
                    slice[defined++] = v;
                }
            }

            dropped[m] = resamples - defined;
            if (defined == 0)
            {
                continue;
            }

            var sorted = slice[..defined];
            sorted.Sort();
            intervals[m] = new Interval(Quantile.OfSorted(sorted, alpha / 2), Quantile.OfSorted(sorted, 1 - (alpha / 2)));
        }

        return new BootstrapResult(intervals, dropped, resamples);
    }

    /// <summary>The rows of a resample as row indices, row <c>i</c> repeated <paramref name="counts"/>[i] times, in row order.</summary>
    public static int[] Expand(ReadOnlySpan<byte> counts, long total)
    {
        var rows = new int[total];
        var at = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            for (var c = counts[i]; c > 0; c--)
            {
                rows[at++] = i;
            }
        }

        return rows;
    }
}
