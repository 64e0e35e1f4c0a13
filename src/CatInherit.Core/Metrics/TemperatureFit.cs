namespace CatInherit.Metrics;

/// <summary>
/// Temperature scaling (Guo et al. 2017): the T that minimises the mean negative log-likelihood of softmax(z / T) on
/// labelled logits. The NLL is convex in 1/T, so it is unimodal in log T, and a golden-section search on log T finds
/// its minimum; the search range is [1/100, 100] and a minimum on its edge is reported, not hidden.
/// </summary>
public static class TemperatureFit
{
    /// <summary>The search range of log T.</summary>
    public const double LogLower = -4.605170185988091, LogUpper = 4.605170185988091;

    /// <summary>Fits T; <paramref name="logits"/> holds one row per sample, <paramref name="labels"/> each row's class index.</summary>
    public static TemperatureResult Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Count == 0 || logits.Count != labels.Count)
        {
            throw new ArgumentException("One label per logit row, and at least one row.", nameof(labels));
        }

        // Golden-section search: the bracket shrinks by 1/φ per step; 200 steps are far below double precision.
        var invPhi = (Math.Sqrt(5) - 1) / 2;
        double a = LogLower, b = LogUpper;
        var c = b - (invPhi * (b - a));
        var d = a + (invPhi * (b - a));
        var fc = Nll(logits, labels, Math.Exp(c));
        var fd = Nll(logits, labels, Math.Exp(d));
        for (var step = 0; step < 200 && b - a > 1e-12; step++)
        {
            if (fc <= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (invPhi * (b - a));
                fc = Nll(logits, labels, Math.Exp(c));
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (invPhi * (b - a));
                fd = Nll(logits, labels, Math.Exp(d));
            }
        }

        var logT = (a + b) / 2;
        var atBound = logT - LogLower < 1e-6 || LogUpper - logT < 1e-6;
        return new TemperatureResult(Math.Exp(logT), Nll(logits, labels, Math.Exp(logT)), Nll(logits, labels, 1), atBound);
    }

    /// <summary>The mean negative log-likelihood of softmax(z / T), in float64 through log-sum-exp.</summary>
    public static double Nll(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        double sum = 0;
        var scaled = new double[logits.Count == 0 ? 0 : logits[0].Length];
        for (var i = 0; i < logits.Count; i++)
        {
            for (var k = 0; k < scaled.Length; k++)
            {
                scaled[k] = logits[i][k] / temperature;
            }

            sum += Probability.LogSumExp(scaled) - scaled[labels[i]];
        }

        return sum / logits.Count;
    }
}
