namespace CatInherit.Metrics;

/// <summary>
/// The unintended-bias metrics of Borkan et al. (2019), as conversationai's unintended-ml-bias-analysis computes
/// them and the Jigsaw Unintended Bias competition scored them. Scores are oriented "higher = more positive"; an AUC
/// is the Mann–Whitney probability that a positive outscores a negative, ties counting one half (<see cref="Roc.Auc"/>).
/// </summary>
internal static class IdentityBiasMetrics
{
    /// <summary>The five per-subgroup metrics over the rows in <paramref name="rows"/> (repeats allowed).</summary>
    public static SubgroupBias Subgroup(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive, ReadOnlySpan<bool> inSubgroup, ReadOnlySpan<int> rows)
    {
        var subgroupPositive = new List<double>();
        var subgroupNegative = new List<double>();
        var backgroundPositive = new List<double>();
        var backgroundNegative = new List<double>();
        foreach (var row in rows)
        {
            (inSubgroup[row] ? positive[row] ? subgroupPositive : subgroupNegative : positive[row] ? backgroundPositive : backgroundNegative).Add(scores[row]);
        }

        var sp = subgroupPositive.ToArray();
        var sn = subgroupNegative.ToArray();
        var bp = backgroundPositive.ToArray();
        var bn = backgroundNegative.ToArray();
        return new SubgroupBias(
            Roc.Auc(sp, sn),
            Roc.Auc(bp, sn),
            Roc.Auc(sp, bn),
            0.5 - Roc.Auc(bn, sn),
            0.5 - Roc.Auc(bp, sp));
    }

    /// <summary>The ROC AUC over <paramref name="rows"/>.</summary>
    public static double OverallAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive, ReadOnlySpan<int> rows)
    {
        var positives = new List<double>();
        var negatives = new List<double>();
        foreach (var row in rows)
        {
            (positive[row] ? positives : negatives).Add(scores[row]);
        }

        return Roc.Auc(positives.ToArray(), negatives.ToArray());
    }

    /// <summary>The generalized (power) mean M_p = (mean of v^p)^(1/p); NaN for no values or a NaN among them.</summary>
    public static double PowerMean(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += Math.Pow(v, p);
        }

        return Math.Pow(sum / values.Count, 1 / p);
    }

    /// <summary>
    /// The Jigsaw competition's final metric: w · overall AUC + (1 − w) · mean of the power means (exponent p) of the
    /// subgroup, BPSN and BNSP AUCs over <paramref name="subgroups"/>.
    /// </summary>
    public static double FinalBiasScore(double overallAuc, IReadOnlyList<SubgroupBias> subgroups, double p, double overallWeight)
    {
        if (subgroups.Count == 0)
        {
            return double.NaN;
        }

        var bias = (PowerMean([.. subgroups.Select(s => s.SubgroupAuc)], p)
            + PowerMean([.. subgroups.Select(s => s.BpsnAuc)], p)
            + PowerMean([.. subgroups.Select(s => s.BnspAuc)], p)) / 3;
        return (overallWeight * overallAuc) + ((1 - overallWeight) * bias);
    }
}
