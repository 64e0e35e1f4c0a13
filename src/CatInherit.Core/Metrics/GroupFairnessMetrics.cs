namespace CatInherit.Metrics;

/// <summary>
/// fairlearn's group metrics over per-group confusion counts: differences are <c>between_groups</c>
/// (max − min), ratios are min / max; equalized odds takes the worse of the TPR and FPR terms.
/// Undefined values are NaN here and never leave the probe as numbers.
/// </summary>
internal static class GroupFairnessMetrics
{
    /// <summary>Report order; matches the catalog.</summary>
    public static readonly string[] Names =
    [
        "accuracy",
        "demographic_parity_difference",
        "demographic_parity_ratio",
        "equal_opportunity_difference",
        "equal_opportunity_ratio",
        "equalized_odds_difference",
        "equalized_odds_ratio",
        "worst_group_accuracy",
    ];

    public static void Compute(ReadOnlySpan<ConfusionCounts> groups, Span<double> output)
    {
        long correct = 0, total = 0;
        var selection = new Spread();
        var tpr = new Spread();
        var fpr = new Spread();
        var worstAccuracy = double.PositiveInfinity;
        foreach (var g in groups)
        {
            correct += g.TruePositives + g.TrueNegatives;
            total += g.Count;
            selection.Add(g.SelectionRate);
            tpr.Add(g.TruePositiveRate);
            fpr.Add(g.FalsePositiveRate);
            worstAccuracy = Math.Min(worstAccuracy, g.Accuracy);
        }

        output[0] = total == 0 ? double.NaN : (double)correct / total;
        output[1] = selection.Difference;
        output[2] = selection.Ratio;
        output[3] = tpr.Difference;
        output[4] = tpr.Ratio;
        output[5] = Math.Max(tpr.Difference, fpr.Difference);
        output[6] = Math.Min(tpr.Ratio, fpr.Ratio);
        output[7] = groups.IsEmpty ? double.NaN : worstAccuracy;

        // Math.Max/Min return NaN when either side is NaN, which is what "undefined" needs.
    }

    /// <summary>Max and min of per-group rates; NaN as soon as one group's rate is undefined.</summary>
    private struct Spread()
    {
        private double max = double.NegativeInfinity;
        private double min = double.PositiveInfinity;
        private bool undefined;

        public void Add(double value)
        {
            if (double.IsNaN(value))
            {
                undefined = true;
                return;
            }

            max = Math.Max(max, value);
            min = Math.Min(min, value);
        }

        public readonly double Difference => undefined || double.IsInfinity(max) ? double.NaN : max - min;

        public readonly double Ratio => undefined || double.IsInfinity(max) || max == 0 ? double.NaN : min / max;
    }
}
