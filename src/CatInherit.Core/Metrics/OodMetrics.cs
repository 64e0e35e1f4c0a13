namespace CatInherit.Metrics;

/// <summary>
/// Out-of-distribution detection metrics with OpenOOD v1.5's conventions. Scores are "higher = more
/// in-distribution". AUROC: in-distribution positive. AUPR-In: in-distribution positive, ranked by score;
/// AUPR-Out: OOD positive, ranked by −score; both the trapezoidal area under scikit-learn's precision–recall
/// curve (which stops at the first threshold reaching full recall and starts at recall 0, precision 1).
/// FPR@95TPR: OOD positive; the smallest share of in-distribution samples flagged over thresholds that
/// flag at least 95% of the OOD samples.
/// </summary>
internal static class OodMetrics
{
    public static double AuPr(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        if (positives.IsEmpty || negatives.IsEmpty)
        {
            return double.NaN;
        }

        var recall = new List<double> { 0 };
        var precision = new List<double> { 1 };
        foreach (var (tp, fp) in Roc.Sweep(positives, negatives))
        {
            recall.Add(tp / positives.Length);
            precision.Add(tp / (tp + fp));
            if (tp == positives.Length)
            {
                break;
            }
        }

        double area = 0;
        for (var k = 1; k < recall.Count; k++)
        {
            area += (recall[k] - recall[k - 1]) * (precision[k] + precision[k - 1]) / 2;
        }

        return area;
    }

    /// <summary>FPR at 95% TPR with OOD as the positive class; <paramref name="inScores"/> and <paramref name="outScores"/> are "higher = in-distribution".</summary>
    public static double FprAt95Tpr(ReadOnlySpan<double> inScores, ReadOnlySpan<double> outScores)
    {
        if (inScores.IsEmpty || outScores.IsEmpty)
        {
            return double.NaN;
        }

        var (fpr, tpr) = Roc.Curve(Negate(outScores), Negate(inScores));
        var best = 1.0;
        for (var i = 0; i < fpr.Length; i++)
        {
            if (tpr[i] >= 0.95)
            {
                best = Math.Min(best, fpr[i]);
            }
        }

        return best;
    }

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
