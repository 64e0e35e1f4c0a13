namespace CatInherit.Metrics;

/// <summary>
/// The threshold of an abstention score ("higher = more in-distribution", as OOD scores are oriented): a row is accepted
/// when its score is at least the threshold. The threshold keeps at least <c>tpr</c> of the fit rows: it lies halfway
/// between the ⌈tpr·n⌉-th highest score and the next lower distinct one, so a float32 graph decides the same rows.
/// </summary>
public static class AbstainThreshold
{
    /// <summary>The threshold for <paramref name="scores"/> at <paramref name="tpr"/>.</summary>
    public static double Fit(IReadOnlyList<double> scores, double tpr)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sorted = scores.OrderByDescending(s => s).ToArray();
        var keep = Math.Clamp((int)Math.Ceiling((tpr * sorted.Length) - 1e-9), 1, sorted.Length);
        var last = sorted[keep - 1];
        var next = sorted.Skip(keep).FirstOrDefault(s => s < last, double.NaN);
        return double.IsNaN(next) ? last - Math.Max(1, Math.Abs(last)) : (last + next) / 2;
    }

    /// <summary>The maximum softmax probability of a row of logits.</summary>
    public static double Msp(ReadOnlySpan<double> logits)
    {
        Span<double> p = stackalloc double[logits.Length];
        Probability.Softmax(logits, p);
        var max = p[0];
        foreach (var value in p)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    /// <summary>The energy score T·logsumexp(logits / T).</summary>
    public static double Energy(ReadOnlySpan<double> logits, double temperature)
    {
        Span<double> scaled = stackalloc double[logits.Length];
        for (var k = 0; k < logits.Length; k++)
        {
            scaled[k] = logits[k] / temperature;
        }

        return temperature * Probability.LogSumExp(scaled);
    }
}
