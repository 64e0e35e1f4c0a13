namespace CatInherit.Metrics;

/// <summary>Percentile intervals per metric, and how many resamples left each metric undefined.</summary>
internal sealed class BootstrapResult(Interval?[] intervals, int[] dropped, int resamples)
{
    public Interval?[] Intervals { get; } = intervals;

    public int[] Dropped { get; } = dropped;

    public int Resamples { get; } = resamples;

    /// <summary>
    /// The intervals of the metrics whose point value is defined, named and in order; each contains its point
    /// value (see <see cref="Interval.Including"/>).
    /// </summary>
    public List<KeyValuePair<string, Interval>> IntervalsFor(IReadOnlyList<string> names, IReadOnlyList<double> values) =>
        [.. names.Select((name, m) => (name, m)).Where(p => !double.IsNaN(values[p.m]) && Intervals[p.m] is not null).Select(p => new KeyValuePair<string, Interval>(p.name, Intervals[p.m]!.Value.Including(values[p.m])))];
}
