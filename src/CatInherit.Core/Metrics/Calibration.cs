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

    public static double Ece(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<int> rows, int bins)
    {
        var count = new double[bins];
        var correct = new double[bins];
        var confidence = new double[bins];
        foreach (var row in rows)
        {
            var p = probabilities.Slice(row * classes, classes);
            var top = Probability.ArgMax(p);
            var c = p[top];
            var bin = Bin(c, bins);
            count[bin]++;
            correct[bin] += top == labels[row] ? 1 : 0;
            confidence[bin] += c;
        }

        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += count[b] / rows.Length * Math.Abs((correct[b] / count[b]) - (confidence[b] / count[b]));
            }
        }

        return ece;
    }

    public static double Brier(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<int> rows)
    {
        double sum = 0;
        foreach (var row in rows)
        {
            var p = probabilities.Slice(row * classes, classes);
            for (var k = 0; k < classes; k++)
            {
                var d = p[k] - (labels[row] == k ? 1.0 : 0.0);
                sum += d * d;
            }
        }

        return sum / rows.Length;
    }
}
