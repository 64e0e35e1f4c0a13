namespace CatInherit.Metrics;

/// <summary>Computes every metric on one resample drawn with <paramref name="rng"/>; NaN marks a metric undefined on that resample.</summary>
internal delegate void BootstrapStep<in TScratch>(TScratch scratch, ref Xoshiro256 rng, Span<double> metrics);
