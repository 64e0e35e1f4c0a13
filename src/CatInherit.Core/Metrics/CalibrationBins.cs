namespace CatInherit.Metrics;

/// <summary>
/// The sufficient statistic of calibration: per confidence bin the (weighted) row count, Σ confidence and Σ correct, and
/// over all rows the count and Σ of the rows' Brier terms. ECE and the Brier score are functions of these sums, and sums
/// add: <see cref="Merge"/> of two parts' bins is the whole's (up to the rounding of the floating sums).
/// </summary>
internal sealed class CalibrationBins
{
    public CalibrationBins(int bins)
    {
        Count = new long[bins];
        Confidence = new double[bins];
        Correct = new long[bins];
    }

    public long[] Count { get; }

    public double[] Confidence { get; }

    public long[] Correct { get; }

    public long Total { get; private set; }

    public double BrierSum { get; private set; }

    public int Bins => Count.Length;

    /// <summary>Adds a row (drawn <paramref name="weight"/> times) with its top-label confidence's bin, whether the top label is right, and its Brier term Σ_k (p_k − y_k)².</summary>
    public void Add(int bin, double confidence, bool correct, double brier, long weight = 1)
    {
        Count[bin] += weight;
        Confidence[bin] += weight * confidence;
        Correct[bin] += correct ? weight : 0;
        Total += weight;
        BrierSum += weight * brier;
    }

    /// <summary>Adds another part's sums to these.</summary>
    public CalibrationBins Merge(CalibrationBins other)
    {
        if (other.Bins != Bins)
        {
            throw new ArgumentException("Bins of another width.", nameof(other));
        }

        for (var b = 0; b < Bins; b++)
        {
            Count[b] += other.Count[b];
            Confidence[b] += other.Confidence[b];
            Correct[b] += other.Correct[b];
        }

        Total += other.Total;
        BrierSum += other.BrierSum;
        return this;
    }

    /// <summary>Σ |B|/n · |accuracy(B) − mean confidence(B)|; NaN without rows.</summary>
    public double Ece
    {
        get
        {
            if (Total == 0)
            {
                return double.NaN;
            }

            double ece = 0;
            for (var b = 0; b < Bins; b++)
            {
                if (Count[b] > 0)
                {
                    double count = Count[b];
                    ece += count / Total * Math.Abs((Correct[b] / count) - (Confidence[b] / count));
                }
            }

            return ece;
        }
    }

    /// <summary>The mean Brier term; NaN without rows.</summary>
    public double Brier => Total == 0 ? double.NaN : BrierSum / Total;
}
