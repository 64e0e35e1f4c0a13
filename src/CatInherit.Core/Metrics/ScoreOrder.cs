namespace CatInherit.Metrics;

/// <summary>
/// One sample's scores sorted once, highest first, for AUCs between classes of its rows (a subgroup's positives against
/// the background's negatives, one value against the rest): each set of AUCs is one pass over this order, for the data
/// (every row once) or for a resample (row i drawn counts[i] times). Ties count one half.
/// </summary>
internal sealed class ScoreOrder
{
    private readonly double[] scores;
    private readonly int[] rows;

    private ScoreOrder(double[] scores, int[] rows)
    {
        this.scores = scores;
        this.rows = rows;
    }

    public int Count => rows.Length;

    public static ScoreOrder From(ReadOnlySpan<double> scores)
    {
        var sorted = scores.ToArray();
        var rows = new int[sorted.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        Array.Sort(sorted, rows);
        Array.Reverse(sorted);
        Array.Reverse(rows);
        return new ScoreOrder(sorted, rows);
    }

    /// <summary>
    /// For each pair (p, n) of <paramref name="pairs"/>, the AUC of the rows of class p (positive) against those of class
    /// n (negative); <paramref name="rowClass"/> gives each row's class (&lt; <paramref name="classCount"/>, or ≥ it for a row
    /// in none). <paramref name="counts"/>: each row's count in a resample, or empty for every row once. NaN for a pair with
    /// an empty class.
    /// </summary>
    public void Aucs(ReadOnlySpan<byte> rowClass, int classCount, ReadOnlySpan<byte> counts, ReadOnlySpan<(int Positive, int Negative)> pairs, Span<double> aucs)
    {
        Span<long> totals = stackalloc long[classCount];
        Span<long> above = stackalloc long[classCount];
        Span<long> run = stackalloc long[classCount];
        Span<long> numerators = stackalloc long[pairs.Length];
        totals.Clear();
        above.Clear();
        numerators.Clear();
        for (var row = 0; row < rows.Length; row++)
        {
            if (rowClass[row] < classCount)
            {
                totals[rowClass[row]] += counts.IsEmpty ? 1 : counts[row];
            }
        }

        for (var start = 0; start < scores.Length;)
        {
            run.Clear();
            var end = start;
            do
            {
                var row = rows[end];
                if (rowClass[row] < classCount)
                {
                    run[rowClass[row]] += counts.IsEmpty ? 1 : counts[row];
                }

                end++;
            }
            while (end < scores.Length && scores[end] == scores[start]);

            for (var p = 0; p < pairs.Length; p++)
            {
                var (a, b) = pairs[p];
                numerators[p] += run[a] * ((2 * (totals[b] - above[b])) - run[b]);
            }

            for (var c = 0; c < classCount; c++)
            {
                above[c] += run[c];
            }

            start = end;
        }

        for (var p = 0; p < pairs.Length; p++)
        {
            var (a, b) = pairs[p];
            aucs[p] = totals[a] == 0 || totals[b] == 0 ? double.NaN : numerators[p] / (2.0 * totals[a] * totals[b]);
        }
    }
}
