namespace CatInherit.Metrics;

/// <summary>
/// The unintended-bias metrics of Borkan et al. (2019), as conversationai's unintended-ml-bias-analysis computes
/// them and the Jigsaw Unintended Bias competition scored them. Scores are oriented "higher = more positive"; an AUC
/// is the Mann–Whitney probability that a positive outscores a negative, ties counting one half (<see cref="Roc.Auc"/>).
/// </summary>
internal static class IdentityBiasMetrics
{
    /// <summary>Each row's cell for a subgroup's AUCs: 0 subgroup positive, 1 subgroup negative, 2 background positive, 3 background negative.</summary>
    public static byte[] SubgroupCells(ReadOnlySpan<bool> positive, ReadOnlySpan<bool> inSubgroup)
    {
        var cells = new byte[positive.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            cells[row] = (byte)((inSubgroup[row] ? 0 : 2) + (positive[row] ? 0 : 1));
        }

        return cells;
    }

    /// <summary>Each row's cell for the overall AUC: 0 positive, 1 negative.</summary>
    public static byte[] OverallCells(ReadOnlySpan<bool> positive)
    {
        var cells = new byte[positive.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            cells[row] = (byte)(positive[row] ? 0 : 1);
        }

        return cells;
    }

    /// <summary>
    /// The five per-subgroup metrics from one pass over the scores' order; <paramref name="cells"/> from <see cref="SubgroupCells"/>,
    /// <paramref name="counts"/> each row's count in a resample (empty: every row once).
    /// </summary>
    public static SubgroupBias Subgroup(ScoreOrder order, ReadOnlySpan<byte> cells, ReadOnlySpan<byte> counts)
    {
        // Subgroup AUC (sp, sn), BPSN (bp, sn), BNSP (sp, bn), and the two AEGs' AUCs (bn, sn) and (bp, sp).
        ReadOnlySpan<(int, int)> pairs = [(0, 1), (2, 1), (0, 3), (3, 1), (2, 0)];
        Span<double> aucs = stackalloc double[pairs.Length];
        order.Aucs(cells, 4, counts, pairs, aucs);
        return new SubgroupBias(aucs[0], aucs[1], aucs[2], 0.5 - aucs[3], 0.5 - aucs[4]);
    }

    /// <summary>The ROC AUC over every row (each <paramref name="counts"/>[i] times; empty: once); <paramref name="cells"/> from <see cref="OverallCells"/>.</summary>
    public static double OverallAuc(ScoreOrder order, ReadOnlySpan<byte> cells, ReadOnlySpan<byte> counts)
    {
        Span<double> auc = stackalloc double[1];
        order.Aucs(cells, 2, counts, [(0, 1)], auc);
        return auc[0];
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
