namespace CatInherit.Metrics;

/// <summary>
/// Out-of-distribution detection metrics with OpenOOD v1.5's conventions, read from one <see cref="RocSummary"/> with
/// the in-distribution samples as the positives. Scores are "higher = more in-distribution". AUROC: in-distribution
/// positive. AUPR-In: in-distribution positive, ranked by score; AUPR-Out: OOD positive, ranked by −score; both the
/// trapezoidal area under scikit-learn's precision–recall curve (which stops at the first threshold reaching full recall
/// and starts at recall 0, precision 1; the points past full recall add no area). FPR@95TPR: OOD positive; the smallest
/// share of in-distribution samples flagged over thresholds that flag at least 95% of the OOD samples.
/// </summary>
internal static class OodMetrics
{
    /// <summary>The AUPR with <paramref name="positives"/> as the class, ranked by score.</summary>
    public static double AuPr(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives) => Roc.Summary(positives, negatives).AuprPositive;

    /// <summary>FPR at 95% TPR with OOD as the positive class; <paramref name="inScores"/> and <paramref name="outScores"/> are "higher = in-distribution".</summary>
    public static double FprAt95Tpr(ReadOnlySpan<double> inScores, ReadOnlySpan<double> outScores) => Roc.Summary(inScores, outScores).NegativeFprAt95Tpr;

    public static double[] Negate(ReadOnlySpan<double> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = -values[i];
        }

        return result;
    }
}
