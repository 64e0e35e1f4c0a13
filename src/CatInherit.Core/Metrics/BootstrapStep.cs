namespace CatInherit.Metrics;

/// <summary>Computes every metric on the resample with key <paramref name="key"/>; NaN marks a metric undefined on that resample.</summary>
internal delegate void BootstrapStep<in TScratch>(TScratch scratch, ulong key, Span<double> metrics);
