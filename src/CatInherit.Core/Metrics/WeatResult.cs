namespace CatInherit.Metrics;

/// <summary>The outcome of a WEAT/SEAT test.</summary>
/// <param name="EffectSize">(mean s over X − mean s over Y) / sample std of s over X ∪ Y; NaN when that std is 0.</param>
/// <param name="PValue">One-sided permutation p-value.</param>
/// <param name="Statistic">Σ_x s(x) − Σ_y s(y).</param>
/// <param name="Exact">True when every equal-size re-partition was enumerated.</param>
/// <param name="Partitions">Re-partitions enumerated or sampled.</param>
/// <param name="MeanX">Mean association of X with A over B.</param>
/// <param name="MeanY">Mean association of Y with A over B.</param>
/// <param name="EffectSizeInterval">Bootstrap interval of the effect size, when resampled.</param>
internal sealed record WeatResult(double EffectSize, double PValue, double Statistic, bool Exact, long Partitions, double MeanX, double MeanY, Interval? EffectSizeInterval);
