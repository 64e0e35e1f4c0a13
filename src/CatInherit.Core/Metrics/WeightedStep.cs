namespace CatInherit.Metrics;

/// <summary>Computes every metric on a resample that draws row i <paramref name="counts"/>[i] times (<paramref name="total"/> draws in all); NaN marks a metric undefined.</summary>
internal delegate void WeightedStep(ReadOnlySpan<byte> counts, long total, Span<double> metrics);
