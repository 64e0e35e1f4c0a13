namespace CatInherit.Metrics;

/// <summary>
/// Scores to probabilities and log-probabilities, all in float64: softmax over several logits, one logit as the
/// positive class of a binary model (the logits [0, z], whose softmax is [1 − σ(z), σ(z)]), probabilities as given.
/// </summary>
internal static class Probability
{
    /// <summary>
    /// The row of logits a dataset's score columns stand for (length max(2, scores)): the scores themselves, or [0, z] for
    /// a single logit z, so that softmax and log-softmax of every row follow one rule.
    /// </summary>
    public static void LogitRow(ReadOnlySpan<double> scores, Span<double> target)
    {
        if (scores.Length == 1)
        {
            target[0] = 0;
            target[1] = scores[0];
            return;
        }

        scores.CopyTo(target);
    }

    /// <summary>Writes probabilities for one row of <paramref name="scores"/> into <paramref name="target"/> (length max(2, scores)).</summary>
    public static void FromScores(ReadOnlySpan<double> scores, bool logits, Span<double> target)
    {
        if (logits)
        {
            Span<double> row = stackalloc double[Math.Max(2, scores.Length)];
            LogitRow(scores, row);
            Softmax(row, target);
            return;
        }

        if (scores.Length == 1)
        {
            // 1 − p is exact for p ≥ 0.5 (Sterbenz), so a near-certain positive keeps its tiny complement.
            target[0] = 1 - scores[0];
            target[1] = scores[0];
            return;
        }

        scores.CopyTo(target);
    }

    /// <summary>exp(z_k − logsumexp z): each probability from its own logit, so a tiny one keeps its relative precision.</summary>
    public static void Softmax(ReadOnlySpan<double> logits, Span<double> target)
    {
        var max = Max(logits);
        double sum = 0;
        foreach (var z in logits)
        {
            sum += Math.Exp(z - max);
        }

        for (var k = 0; k < logits.Length; k++)
        {
            target[k] = Math.Exp(logits[k] - max) / sum;
        }
    }

    /// <summary>
    /// log p_k = z_k − logsumexp z, never the logarithm of a rounded probability. Computed as (z_k − m) − log1p(Σ_{j≠a}
    /// exp(z_j − m)) with a the (first) largest logit and m its value, so the largest log-probability keeps its relative
    /// precision when p_a is within rounding of 1 (z_a − logsumexp z would cancel to a few digits there).
    /// </summary>
    public static void LogSoftmax(ReadOnlySpan<double> logits, Span<double> target)
    {
        var top = ArgMax(logits);
        var max = logits[top];
        if (double.IsInfinity(max))
        {
            var lse = LogSumExp(logits);
            for (var k = 0; k < logits.Length; k++)
            {
                target[k] = logits[k] - lse;
            }

            return;
        }

        double rest = 0;
        for (var k = 0; k < logits.Length; k++)
        {
            if (k != top)
            {
                rest += Math.Exp(logits[k] - max);
            }
        }

        var logSum = LogOnePlus(rest);
        for (var k = 0; k < logits.Length; k++)
        {
            target[k] = logits[k] - max - logSum;
        }
    }

    /// <summary>log Σ exp z, shifted by the largest value so nothing overflows.</summary>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = Max(values);
        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>
    /// log(1 − p) from a log-probability, without forming 1 − p where it would round: log1p(−p) while p ≤ ½, else
    /// log Σ_{j≠i} p_j from the other log-probabilities (each exact), which is what 1 − p_i is.
    /// </summary>
    public static double LogComplement(ReadOnlySpan<double> logProbabilities, int i)
    {
        var p = Math.Exp(logProbabilities[i]);
        if (p <= 0.5)
        {
            return LogOnePlus(-p);
        }

        var max = double.NegativeInfinity;
        for (var k = 0; k < logProbabilities.Length; k++)
        {
            if (k != i)
            {
                max = Math.Max(max, logProbabilities[k]);
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return double.NegativeInfinity;
        }

        double sum = 0;
        for (var k = 0; k < logProbabilities.Length; k++)
        {
            if (k != i)
            {
                sum += Math.Exp(logProbabilities[k] - max);
            }
        }

        return max + Math.Log(sum);
    }

    /// <summary>
    /// log(1 + x), accurate for small x: log(u) · x / (u − 1) with u = 1 + x (Goldberg 1991) corrects the rounding of u.
    /// (double.LogP1 is Math.Log(x + 1), which rounds 1 + x first.)
    /// </summary>
    public static double LogOnePlus(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>Index of the largest value; the lowest index wins a tie.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
