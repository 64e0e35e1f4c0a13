namespace CatInherit.Metrics;

/// <summary>
/// ROC quantities for scores where higher means "positive", in O(n log n). Thresholds are the distinct
/// scores (a sample is flagged when its score ≥ the threshold), plus "flag nothing".
/// </summary>
internal static class Roc
{
    /// <summary>P(positive score > negative score) + ½ P(equal): the Mann–Whitney form of the ROC AUC.</summary>
    public static double Auc(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        if (positives.IsEmpty || negatives.IsEmpty)
        {
            return double.NaN;
        }

        var all = Labelled(positives, negatives, descending: false);

        // Sum of the positives' mid-ranks (ties share the average rank).
        double rankSum = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            var positivesInTie = 0;
            while (j < all.Length && all[j].Score == all[i].Score)
            {
                positivesInTie += all[j].Positive ? 1 : 0;
                j++;
            }

            var midRank = (i + 1 + j) / 2.0;
            rankSum += positivesInTie * midRank;
            i = j;
        }

        var np = (double)positives.Length;
        var nn = (double)negatives.Length;
        return (rankSum - (np * (np + 1) / 2)) / (np * nn);
    }

    /// <summary>(FPR, TPR) at every threshold, from "flag nothing" (0, 0) to "flag everything" (1, 1).</summary>
    public static (double[] Fpr, double[] Tpr) Curve(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        foreach (var (tp, fp) in Sweep(positives, negatives))
        {
            fpr.Add(negatives.IsEmpty ? 0 : fp / negatives.Length);
            tpr.Add(positives.IsEmpty ? 0 : tp / positives.Length);
        }

        return ([.. fpr], [.. tpr]);
    }

    /// <summary>Cumulative (TP, FP) after each distinct score, from the highest score down (a tie is one threshold).</summary>
    internal static List<(double Tp, double Fp)> Sweep(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        var all = Labelled(positives, negatives, descending: true);
        var steps = new List<(double, double)>();
        double tp = 0, fp = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            while (j < all.Length && all[j].Score == all[i].Score)
            {
                if (all[j].Positive)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                j++;
            }

            steps.Add((tp, fp));
            i = j;
        }

        return steps;
    }

    /// <summary>At most <paramref name="points"/> (FPR, TPR) pairs of the curve, for plots (first and last kept).</summary>
    public static System.Text.Json.Nodes.JsonArray CurveForPlot(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives, int points = 101)
    {
        var (fpr, tpr) = Curve(positives, negatives);
        var step = Math.Max(1, (fpr.Length - 1) / (points - 1));
        var result = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < fpr.Length; i += step)
        {
            result.Add(new System.Text.Json.Nodes.JsonArray(Math.Round(fpr[i], 6), Math.Round(tpr[i], 6)));
        }

        if ((fpr.Length - 1) % step != 0)
        {
            result.Add(new System.Text.Json.Nodes.JsonArray(Math.Round(fpr[^1], 6), Math.Round(tpr[^1], 6)));
        }

        return result;
    }

    /// <summary>The largest TPR over thresholds whose FPR ≤ <paramref name="maxFpr"/>.</summary>
    public static double TprAtFpr(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives, double maxFpr)
    {
        if (positives.IsEmpty || negatives.IsEmpty)
        {
            return double.NaN;
        }

        var (fpr, tpr) = Curve(positives, negatives);
        double best = 0;
        for (var i = 0; i < fpr.Length; i++)
        {
            if (fpr[i] <= maxFpr)
            {
                best = Math.Max(best, tpr[i]);
            }
        }

        return best;
    }

    /// <summary>max over thresholds of TPR − FPR (Youden's J; the membership advantage).</summary>
    public static double Advantage(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        if (positives.IsEmpty || negatives.IsEmpty)
        {
            return double.NaN;
        }

        var (fpr, tpr) = Curve(positives, negatives);
        double best = 0;
        for (var i = 0; i < fpr.Length; i++)
        {
            best = Math.Max(best, tpr[i] - fpr[i]);
        }

        return best;
    }

    /// <summary>
    /// max over thresholds of |TPR − FPR|: TF-Privacy's attacker advantage (<c>RocCurve.get_attacker_advantage</c>), which
    /// counts an attack that ranks positives lower as much as one that ranks them higher (an attacker flips it).
    /// </summary>
    public static double AttackerAdvantage(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        if (positives.IsEmpty || negatives.IsEmpty)
        {
            return double.NaN;
        }

        var (fpr, tpr) = Curve(positives, negatives);
        double best = 0;
        for (var i = 0; i < fpr.Length; i++)
        {
            best = Math.Max(best, Math.Abs(tpr[i] - fpr[i]));
        }

        return best;
    }

    /// <summary>Every score with its class, sorted by score (ties keep no particular order: callers treat a tie as one threshold).</summary>
    internal static (double Score, bool Positive)[] Labelled(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives, bool descending)
    {
        var all = new (double Score, bool Positive)[positives.Length + negatives.Length];
        for (var i = 0; i < positives.Length; i++)
        {
            all[i] = (positives[i], true);
        }

        for (var i = 0; i < negatives.Length; i++)
        {
            all[positives.Length + i] = (negatives[i], false);
        }

        Array.Sort(all, descending ? (a, b) => b.Score.CompareTo(a.Score) : (a, b) => a.Score.CompareTo(b.Score));
        return all;
    }
}
