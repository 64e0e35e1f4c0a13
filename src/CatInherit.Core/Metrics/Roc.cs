namespace CatInherit.Metrics;

/// <summary>
/// ROC quantities for scores where higher means "positive": one sort (<see cref="RankedScores"/>), then one pass
/// (<see cref="RocSweep"/>). Thresholds are the distinct scores (a sample is flagged when its score ≥ the threshold),
/// plus "flag nothing". A probe that needs several quantities sorts once and reads them all from one
/// <see cref="RocSummary"/>; these are the single-quantity forms.
/// </summary>
internal static class Roc
{
    /// <summary>P(positive score > negative score) + ½ P(equal): the Mann–Whitney form of the ROC AUC.</summary>
    public static double Auc(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives) => Summary(positives, negatives).Auc;

    /// <summary>(FPR, TPR) at every threshold, from "flag nothing" (0, 0) to "flag everything" (1, 1).</summary>
    public static (double[] Fpr, double[] Tpr) Curve(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives) => RocRuns.From(positives, negatives).Curve();

    /// <summary>At most <paramref name="points"/> (FPR, TPR) pairs of the curve, for plots (first and last kept).</summary>
    public static System.Text.Json.Nodes.JsonArray CurveForPlot(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives, int points = 101) =>
        CurveForPlot(RankedScores.From(positives, negatives), points);

    /// <summary>At most <paramref name="points"/> (FPR, TPR) pairs of the curve of a sorted order, for plots (first and last kept).</summary>
    public static System.Text.Json.Nodes.JsonArray CurveForPlot(RankedScores ranked, int points = 101) =>
        [.. ranked.PlotPoints(points).Select(p => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonArray(Math.Round(p.Fpr, 6), Math.Round(p.Tpr, 6)))];

    /// <summary>The largest TPR over thresholds whose FPR ≤ <paramref name="maxFpr"/>.</summary>
    public static double TprAtFpr(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives, double maxFpr) => Summary(positives, negatives, maxFpr).TprAtFpr;

    /// <summary>max over thresholds of TPR − FPR (Youden's J; the membership advantage).</summary>
    public static double Advantage(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives) => Summary(positives, negatives).Advantage;

    /// <summary>
    /// max over thresholds of |TPR − FPR|: TF-Privacy's attacker advantage (<c>RocCurve.get_attacker_advantage</c>), which
    /// counts an attack that ranks positives lower as much as one that ranks them higher (an attacker flips it).
    /// </summary>
    public static double AttackerAdvantage(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives) => Summary(positives, negatives).AttackerAdvantage;

    /// <summary>Every ROC-family quantity: one sort, one pass.</summary>
    public static RocSummary Summary(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives, double maxFpr = 0) =>
        positives.IsEmpty || negatives.IsEmpty ? RocSummary.Undefined : RankedScores.From(positives, negatives).Summary(maxFpr);
}
