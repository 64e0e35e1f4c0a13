namespace CatInherit.Tests.Support;

/// <summary>
/// The ROC family written the plain way (a sort and a list of curve points per quantity, ranks for the AUC): a reference
/// for the one-pass sweep, checked itself against scikit-learn by the fixture tests.
/// </summary>
public static class NaiveRoc
{
    public static double Auc(double[] positives, double[] negatives)
    {
        if (positives.Length == 0 || negatives.Length == 0)
        {
            return double.NaN;
        }

        var all = positives.Select(s => (Score: s, Positive: true)).Concat(negatives.Select(s => (Score: s, Positive: false))).OrderBy(p => p.Score).ToArray();
        double rankSum = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            var inTie = 0;
            while (j < all.Length && all[j].Score == all[i].Score)
            {
                inTie += all[j].Positive ? 1 : 0;
                j++;
            }

            rankSum += inTie * ((i + 1 + j) / 2.0);
            i = j;
        }

        double np = positives.Length, nn = negatives.Length;
        return (rankSum - (np * (np + 1) / 2)) / (np * nn);
    }

    /// <summary>Cumulative (TP, FP) after each distinct score, highest first.</summary>
    public static List<(double Tp, double Fp)> Sweep(double[] positives, double[] negatives)
    {
        var steps = new List<(double, double)>();
        double tp = 0, fp = 0;
        foreach (var score in positives.Concat(negatives).Distinct().OrderDescending())
        {
            tp += positives.Count(s => s == score);
            fp += negatives.Count(s => s == score);
            steps.Add((tp, fp));
        }

        return steps;
    }

    public static (double[] Fpr, double[] Tpr) Curve(double[] positives, double[] negatives)
    {
        var points = Sweep(positives, negatives);
        return ([0, .. points.Select(p => negatives.Length == 0 ? 0 : p.Fp / negatives.Length)], [0, .. points.Select(p => positives.Length == 0 ? 0 : p.Tp / positives.Length)]);
    }

    public static double TprAtFpr(double[] positives, double[] negatives, double maxFpr)
    {
        var (fpr, tpr) = Curve(positives, negatives);
        return Enumerable.Range(0, fpr.Length).Where(i => fpr[i] <= maxFpr).Max(i => tpr[i]);
    }

    public static double Advantage(double[] positives, double[] negatives)
    {
        var (fpr, tpr) = Curve(positives, negatives);
        return Enumerable.Range(0, fpr.Length).Max(i => tpr[i] - fpr[i]);
    }

    public static double AttackerAdvantage(double[] positives, double[] negatives)
    {
        var (fpr, tpr) = Curve(positives, negatives);
        return Enumerable.Range(0, fpr.Length).Max(i => Math.Abs(tpr[i] - fpr[i]));
    }

    /// <summary>scikit-learn's precision–recall curve from recall 0 (precision 1), stopping at full recall; the trapezoid area.</summary>
    public static double AuPr(double[] positives, double[] negatives)
    {
        var recall = new List<double> { 0 };
        var precision = new List<double> { 1 };
        foreach (var (tp, fp) in Sweep(positives, negatives))
        {
            recall.Add(tp / positives.Length);
            precision.Add(tp / (tp + fp));
            if (tp == positives.Length)
            {
                break;
            }
        }

        return Enumerable.Range(1, recall.Count - 1).Sum(k => (recall[k] - recall[k - 1]) * (precision[k] + precision[k - 1]) / 2);
    }

    /// <summary>OOD (the negatives) as the class, ranked by −score: the smallest FPR over thresholds with TPR ≥ 0.95.</summary>
    public static double FprAt95Tpr(double[] inScores, double[] outScores)
    {
        var (fpr, tpr) = Curve([.. outScores.Select(s => -s)], [.. inScores.Select(s => -s)]);
        return Enumerable.Range(0, fpr.Length).Where(i => tpr[i] >= 0.95).Min(i => fpr[i]);
    }
}
