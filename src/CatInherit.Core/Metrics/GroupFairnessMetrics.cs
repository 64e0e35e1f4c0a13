namespace CatInherit.Metrics;

/// <summary>
/// fairlearn 0.12's group metrics over per-group confusion counts, number for number. Per group, the true and false
/// positive rates are fairlearn's (scikit-learn's normalised confusion matrix: a group without positive labels has
/// TPR 0, one without negative labels FPR 0). Differences are <c>between_groups</c> (max − min), ratios min / max
/// (0 / 0 is NaN). Equalized odds is Python's built-in <c>max</c> / <c>min</c> over the series [TPR term, FPR term]:
/// the difference is the larger term; the ratio is the smaller, except that <c>min</c> keeps a NaN that comes first —
/// NaN when the TPR ratio is 0 / 0, the TPR ratio when only the FPR ratio is. Undefined values are NaN here and never
/// leave the probe as numbers.
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
            tpr.Add(g.FairlearnTruePositiveRate);
            fpr.Add(g.FairlearnFalsePositiveRate);
            worstAccuracy = Math.Min(worstAccuracy, g.Accuracy);
        }

        output[0] = total == 0 ? double.NaN : (double)correct / total;
        output[1] = selection.Difference;
        output[2] = selection.Ratio;
        output[3] = tpr.Difference;
        output[4] = tpr.Ratio;
        output[5] = PythonMax(tpr.Difference, fpr.Difference);
        output[6] = PythonMin(tpr.Ratio, fpr.Ratio);
        output[7] = groups.IsEmpty ? double.NaN : worstAccuracy;
    }

    /// <summary>Python's <c>max([a, b])</c>: b replaces a only when <c>b &gt; a</c>, which is false whenever either is NaN.</summary>
    public static double PythonMax(double a, double b) => b > a ? b : a;

    /// <summary>Python's <c>min([a, b])</c>: b replaces a only when <c>b &lt; a</c>, so a NaN first stays and a NaN second is passed over.</summary>
    public static double PythonMin(double a, double b) => b < a ? b : a;

    /// <summary>Max and min of per-group rates (pandas' max/min); the ratio is NaN when the largest is 0 (0 / 0).</summary>
    private struct Spread()
    {
        private double max = double.NegativeInfinity;
        private double min = double.PositiveInfinity;

        public void Add(double value)
        {
            max = Math.Max(max, value);
            min = Math.Min(min, value);
        }

        public readonly double Difference => double.IsInfinity(max) ? double.NaN : max - min;

        public readonly double Ratio => double.IsInfinity(max) || max == 0 ? double.NaN : min / max;
    }
}
