namespace CatInherit.Metrics;

/// <summary>A confidence interval.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>
    /// The interval extended, where needed, to contain <paramref name="estimate"/>. A percentile interval can
    /// exclude its own point estimate when the metric sits at the edge of its range (a between-group difference
    /// of 0, a ratio of 1, a worst-group value): resampling can only move such a value one way.
    /// </summary>
    public Interval Including(double estimate) => double.IsNaN(estimate) ? this : new(Math.Min(Lower, estimate), Math.Max(Upper, estimate));
}
