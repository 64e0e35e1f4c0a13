namespace CatInherit.Metrics;

/// <summary>Percentile intervals per metric, and how many resamples left each metric undefined.</summary>
internal sealed class BootstrapResult(Interval?[] intervals, int[] dropped, int resamples)
{
    public Interval?[] Intervals { get; } = intervals;

    public int[] Dropped { get; } = dropped;

    public int Resamples { get; } = resamples;
}
