namespace CatInherit.Probes.IdentityTemplates;

/// <summary>
/// Per-term mean score, FPR and FNR over a sample of frames (repeats allowed); every term is measured on the same
/// frames, so the overall rate over all terms is the mean of the terms' rates.
/// </summary>
internal sealed class TermRates(int terms)
{
    public double[] Mean { get; } = new double[terms];

    public double[] Fpr { get; } = new double[terms];

    public double[] Fnr { get; } = new double[terms];

    private int negatives;
    private int positives;

    /// <summary>Measures the frames in <paramref name="sample"/>; sentence f · terms + t is frame f with term t.</summary>
    public void Measure(int[] sample, FillerPolarity[] polarity, double[] score, bool[] predictedPositive)
    {
        Array.Clear(Mean);
        Array.Clear(Fpr);
        Array.Clear(Fnr);
        negatives = 0;
        positives = 0;
        foreach (var f in sample)
        {
            negatives += polarity[f] == FillerPolarity.Negative ? 1 : 0;
            positives += polarity[f] == FillerPolarity.Positive ? 1 : 0;
            for (var t = 0; t < terms; t++)
            {
                var i = (f * terms) + t;
                Mean[t] += score[i];
                if (polarity[f] == FillerPolarity.Negative && predictedPositive[i])
                {
                    Fpr[t]++;
                }
                else if (polarity[f] == FillerPolarity.Positive && !predictedPositive[i])
                {
                    Fnr[t]++;
                }
            }
        }

        for (var t = 0; t < terms; t++)
        {
            Mean[t] /= sample.Length;
            Fpr[t] = negatives == 0 ? double.NaN : Fpr[t] / negatives;
            Fnr[t] = positives == 0 ? double.NaN : Fnr[t] / positives;
        }
    }

    /// <summary>Σ_t |FPR − FPR_t|, FPR over every term's negative-filler sentences.</summary>
    public double Fped() => EqualityDifference(Fpr);

    /// <summary>Σ_t |FNR − FNR_t|.</summary>
    public double Fned() => EqualityDifference(Fnr);

    /// <summary>max_t mean_t − min_t mean_t.</summary>
    public double MaxGap() => Mean.Max() - Mean.Min();

    private static double EqualityDifference(double[] rates)
    {
        var overall = rates.Average();
        return double.IsNaN(overall) ? double.NaN : rates.Sum(r => Math.Abs(overall - r));
    }
}
