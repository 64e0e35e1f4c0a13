namespace CatInherit.Metrics;

/// <summary>
/// Two samples' scores sorted once, highest first: the order every ROC-family quantity is read from, for the data and for
/// each bootstrap resample (a vector of counts over these positions). Runs of equal scores are found on the fly, so the
/// order costs a score, a row index and a byte per sample and nothing else.
/// </summary>
internal sealed class RankedScores
{
    /// <summary>Bit 0: the position holds a positive. Bit 1: the next position has the same score (the run goes on).</summary>
    private readonly byte[] flags;

    private const byte Positive = 1;
    private const byte TiedWithNext = 2;

    private RankedScores(double[] scores, int[] rows, int positives)
    {
        Scores = scores;
        Rows = rows;
        PositiveCount = positives;
        flags = new byte[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var tied = i + 1 < scores.Length && scores[i + 1] == scores[i];
            flags[i] = (byte)((rows[i] < positives ? Positive : 0) | (tied ? TiedWithNext : 0));
        }
    }

    /// <summary>The scores, descending.</summary>
    public double[] Scores { get; }

    /// <summary>The input row at each position: 0 … positives − 1 for the positives, then the negatives.</summary>
    public int[] Rows { get; }

    public int PositiveCount { get; }

    public int NegativeCount => Rows.Length - PositiveCount;

    public int Count => Rows.Length;

    public bool IsPositive(int position) => (flags[position] & Positive) != 0;

    public static RankedScores From(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        var scores = new double[positives.Length + negatives.Length];
        positives.CopyTo(scores);
        negatives.CopyTo(scores.AsSpan(positives.Length));
        var rows = new int[scores.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        SortDescending(scores, rows, positives.Length);
        return new RankedScores(scores, rows, positives.Length);
    }

    /// <summary>
    /// Sorts both samples at once (each in place, on its own core), then merges them through a copy of the first: the
    /// memory of one sample's scores and rows on top of the arrays, never a second copy of everything.
    /// </summary>
    private static void SortDescending(double[] scores, int[] rows, int split)
    {
        const int Parallel = 1 << 16;
        if (scores.Length < Parallel || split == 0 || split == scores.Length)
        {
            Array.Sort(scores, rows);
        }
        else
        {
            System.Threading.Tasks.Parallel.Invoke(() => Array.Sort(scores, rows, 0, split), () => Array.Sort(scores, rows, split, scores.Length - split));
            var firstScores = scores[..split];
            var firstRows = rows[..split];
            int a = 0, b = split, k = 0;
            while (a < split && b < scores.Length)
            {
                if (scores[b] < firstScores[a])
                {
                    (scores[k], rows[k]) = (scores[b], rows[b]);
                    b++;
                }
                else
                {
                    (scores[k], rows[k]) = (firstScores[a], firstRows[a]);
                    a++;
                }

                k++;
            }

            firstScores.AsSpan(a).CopyTo(scores.AsSpan(k));
            firstRows.AsSpan(a).CopyTo(rows.AsSpan(k));
        }

        Array.Reverse(scores);
        Array.Reverse(rows);
    }

    /// <summary>Every ROC-family quantity of the samples themselves (each row counted once).</summary>
    public RocSummary Summary(double maxFpr = 0)
    {
        var sweep = new RocSweep(PositiveCount, NegativeCount, maxFpr);
        var positives = PositiveCount;
        for (var start = 0; start < Scores.Length;)
        {
            var end = start;
            long p = 0;
            do
            {
                p += Rows[end] < positives ? 1 : 0;
                end++;
            }
            while (end < Scores.Length && Scores[end] == Scores[start]);

            sweep.Add(p, end - start - p);
            start = end;
        }

        return sweep.Finish();
    }

    /// <summary>
    /// Every ROC-family quantity of a resample that draws position i <paramref name="counts"/>[i] times. With
    /// <paramref name="atDataMix"/>, the precisions read the resample at the data's mix of the two samples (each negative
    /// weighed by <see cref="MixScale"/>), as a bootstrap that draws each sample at its own size would: only the AUPRs
    /// depend on the mix; every other quantity is a rate within one sample and is the same either way.
    /// </summary>
    public RocSummary Summary(ReadOnlySpan<byte> counts, double maxFpr = 0, bool atDataMix = false)
    {
        var flags = this.flags.AsSpan();
        counts = counts[..flags.Length];
        long positiveWeight = 0, total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            positiveWeight += counts[i] & -(flags[i] & Positive);
        }

        // Runs are read from the flags, not the scores: two bytes a position. A run no row of the resample drew repeats the
        // previous point and changes no quantity; adding it costs less than the unpredictable branch that would skip it.
        var sweep = new RocSweep(positiveWeight, total - positiveWeight, maxFpr, atDataMix ? MixScale(PositiveCount, NegativeCount, positiveWeight, total - positiveWeight) : 1);
        long p = 0, all = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            var f = flags[i];
            all += c;
            p += c & -(f & Positive);
            if ((f & TiedWithNext) == 0)
            {
                sweep.Add(p, all - p);
                p = 0;
                all = 0;
            }
        }

        return sweep.Finish();
    }

    /// <summary>
    /// The weight of one negative that brings a resample's positive and negative weights back to the data's ratio:
    /// (N·p) / (P·n) for the data's P positives and N negatives and the resample's p and n; exactly 1 when they are the
    /// data's own (or a side is empty, where every quantity is undefined anyway).
    /// </summary>
    public static double MixScale(long dataPositives, long dataNegatives, long positives, long negatives) =>
        (positives == dataPositives && negatives == dataNegatives) || positives == 0 || negatives == 0 || dataPositives == 0
            ? 1
            : (double)dataNegatives * positives / ((double)dataPositives * negatives);

    /// <summary>
    /// (FPR, TPR) of the curve's points 0, step, 2·step, … and the last, step = max(1, runs / (points − 1)), point 0 being
    /// "flag nothing": the curve for a plot, in two passes and without holding the whole curve.
    /// </summary>
    public List<(double Fpr, double Tpr)> PlotPoints(int points)
    {
        var runs = 0;
        for (var i = 0; i < Scores.Length; i++)
        {
            runs += i == 0 || Scores[i] != Scores[i - 1] ? 1 : 0;
        }

        var step = Math.Max(1, runs / (points - 1));
        var result = new List<(double, double)> { (0, 0) };
        long tp = 0, fp = 0;
        var index = 0;
        for (var start = 0; start < Scores.Length;)
        {
            var end = start;
            do
            {
                tp += Rows[end] < PositiveCount ? 1 : 0;
                fp += Rows[end] < PositiveCount ? 0 : 1;
                end++;
            }
            while (end < Scores.Length && Scores[end] == Scores[start]);

            index++;
            if (index % step == 0 || index == runs)
            {
                result.Add((NegativeCount == 0 ? 0 : (double)fp / NegativeCount, PositiveCount == 0 ? 0 : (double)tp / PositiveCount));
            }

            start = end;
        }

        return result;
    }

    /// <summary>The runs of equal scores with their weights: the mergeable statistic.</summary>
    public RocRuns Runs()
    {
        var scores = new List<double>();
        var positives = new List<long>();
        var negatives = new List<long>();
        for (var start = 0; start < Scores.Length;)
        {
            var end = start;
            long p = 0;
            while (end < Scores.Length && Scores[end] == Scores[start])
            {
                p += Rows[end] < PositiveCount ? 1 : 0;
                end++;
            }

            scores.Add(Scores[start] == 0 ? 0.0 : Scores[start]);
            positives.Add(p);
            negatives.Add(end - start - p);
            start = end;
        }

        return new RocRuns([.. scores], [.. positives], [.. negatives]);
    }
}
