namespace CatInherit.Metrics;

/// <summary>
/// The sufficient statistic of the ROC family: the distinct scores, highest first, each with the total weight of the
/// positives and of the negatives that have it. Every quantity of <see cref="RocSummary"/> is a function of these runs, and
/// runs add: <see cref="Merge"/> of two parts' runs is the whole's (scores interleave, weights at an equal score add).
/// </summary>
internal sealed class RocRuns
{
    public RocRuns(double[] scores, long[] positives, long[] negatives)
    {
        if (scores.Length != positives.Length || scores.Length != negatives.Length)
        {
            throw new ArgumentException("One positive and one negative weight per score.");
        }

        Scores = scores;
        Positives = positives;
        Negatives = negatives;
        PositiveTotal = positives.Sum();
        NegativeTotal = negatives.Sum();
    }

    /// <summary>Distinct scores, descending.</summary>
    public double[] Scores { get; }

    public long[] Positives { get; }

    public long[] Negatives { get; }

    public long PositiveTotal { get; }

    public long NegativeTotal { get; }

    /// <summary>The runs of two samples: one sort, then one pass.</summary>
    public static RocRuns From(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives) => RankedScores.From(positives, negatives).Runs();

    /// <summary>The runs of the union of two parts' rows.</summary>
    public RocRuns Merge(RocRuns other)
    {
        var scores = new List<double>(Scores.Length + other.Scores.Length);
        var positives = new List<long>(scores.Capacity);
        var negatives = new List<long>(scores.Capacity);
        int i = 0, j = 0;
        while (i < Scores.Length || j < other.Scores.Length)
        {
            if (j == other.Scores.Length || (i < Scores.Length && Scores[i] > other.Scores[j]))
            {
                scores.Add(Scores[i]);
                positives.Add(Positives[i]);
                negatives.Add(Negatives[i++]);
            }
            else if (i == Scores.Length || other.Scores[j] > Scores[i])
            {
                scores.Add(other.Scores[j]);
                positives.Add(other.Positives[j]);
                negatives.Add(other.Negatives[j++]);
            }
            else
            {
                scores.Add(Scores[i]);
                positives.Add(Positives[i] + other.Positives[j]);
                negatives.Add(Negatives[i++] + other.Negatives[j++]);
            }
        }

        return new RocRuns([.. scores], [.. positives], [.. negatives]);
    }

    /// <summary>
    /// Every ROC-family quantity in one pass; <paramref name="maxFpr"/> is the limit of <see cref="RocSummary.TprAtFpr"/>.
    /// With <paramref name="dataMix"/> (the data's positive and negative counts), runs of resample weights are read at the
    /// data's mix, as <see cref="RankedScores.Summary(ReadOnlySpan{byte}, double, bool)"/> does.
    /// </summary>
    public RocSummary Summary(double maxFpr = 0, (long Positives, long Negatives)? dataMix = null)
    {
        var scale = dataMix is { } mix ? RankedScores.MixScale(mix.Positives, mix.Negatives, PositiveTotal, NegativeTotal) : 1;
        var sweep = new RocSweep(PositiveTotal, NegativeTotal, maxFpr, scale);
        for (var r = 0; r < Scores.Length; r++)
        {
            sweep.Add(Positives[r], Negatives[r]);
        }

        return sweep.Finish();
    }

    /// <summary>(FPR, TPR) at every threshold, from "flag nothing" (0, 0) to "flag everything" (1, 1).</summary>
    public (double[] Fpr, double[] Tpr) Curve()
    {
        var fpr = new double[Scores.Length + 1];
        var tpr = new double[Scores.Length + 1];
        long tp = 0, fp = 0;
        for (var r = 0; r < Scores.Length; r++)
        {
            tp += Positives[r];
            fp += Negatives[r];
            fpr[r + 1] = NegativeTotal == 0 ? 0 : (double)fp / NegativeTotal;
            tpr[r + 1] = PositiveTotal == 0 ? 0 : (double)tp / PositiveTotal;
        }

        return (fpr, tpr);
    }
}
