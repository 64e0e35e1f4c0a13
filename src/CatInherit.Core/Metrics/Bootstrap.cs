namespace CatInherit.Metrics;

/// <summary>
/// Seeded percentile bootstrap. Resample <c>b</c> draws from its own stream of the seed, so results do
/// not depend on how resamples are spread over threads: same seed, same intervals, on any machine.
/// </summary>
internal static class Bootstrap
{
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
                    var rng = Xoshiro256.ForStream(seed, (ulong)b);
                    Span<double> row = stackalloc double[metricCount];
                    step(scratch, ref rng, row);
                    for (var m = 0; m < metricCount; m++)
                    {
                        values[(m * resamples) + b] = row[m];
                    }

                    return scratch;
                },
                _ => { });
        }

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
}
