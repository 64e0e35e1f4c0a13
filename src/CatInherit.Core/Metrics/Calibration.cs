namespace CatInherit.Metrics;

/// <summary>
/// Calibration of class probabilities, in float64. ECE: <c>bins</c> equal-width bins (lo, hi] over the top-label
/// confidence, with edges k / bins (a confidence of exactly 0 falls in the first bin), ECE = Σ |B|/n · |accuracy(B) −
/// mean confidence(B)|. Brier: mean over samples of Σ_k (p_k − y_k)² (the multi-class form).
/// </summary>
internal static class Calibration
{
    /// <summary>
    /// The bin of a confidence: the first k with c ≤ (k + 1) / bins, so a confidence exactly on an edge belongs to the
    /// lower bin (p-lambda's verified_calibration: searchsorted over the edges i / bins). ceil(c · bins) − 1 is only the
    /// first guess — c · bins rounds, and can cross an integer — and is corrected against the edges themselves.
    /// </summary>
    public static int Bin(double confidence, int bins)
    {
        var bin = Math.Clamp((int)Math.Ceiling(confidence * bins) - 1, 0, bins - 1);
        while (bin > 0 && confidence <= (double)bin / bins)
        {
            bin--;
        }

        while (bin < bins - 1 && confidence > (double)(bin + 1) / bins)
        {
            bin++;
        }

        return bin;
    }

    /// <summary>One row's terms: its top-label confidence, whether that label is the true one, and Σ_k (p_k − y_k)².</summary>
    public static (double Confidence, bool Correct, double Brier) Row(ReadOnlySpan<double> p, int label)
    {
        var top = Probability.ArgMax(p);
        double brier = 0;
        for (var k = 0; k < p.Length; k++)
        {
            var d = p[k] - (label == k ? 1.0 : 0.0);
            brier += d * d;
        }

        return (p[top], top == label, brier);
    }

    /// <summary>The bins of the rows in <paramref name="rows"/> (repeats allowed).</summary>
    public static CalibrationBins Bins(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<int> rows, int bins)
    {
        var result = new CalibrationBins(bins);
        foreach (var row in rows)
        {
            var (confidence, correct, brier) = Row(probabilities.Slice(row * classes, classes), labels[row]);
            result.Add(Bin(confidence, bins), confidence, correct, brier);
        }

        return result;
    }

    public static double Ece(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<int> rows, int bins) =>
        Bins(probabilities, classes, labels, rows, bins).Ece;

    public static double Brier(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<int> rows) =>
        Bins(probabilities, classes, labels, rows, 1).Brier;
}
