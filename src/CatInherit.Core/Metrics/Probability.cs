namespace CatInherit.Metrics;

/// <summary>Scores to probabilities: softmax over several logits, sigmoid for one (the positive class of a binary model).</summary>
internal static class Probability
{
    /// <summary>Writes probabilities for one row of <paramref name="scores"/> into <paramref name="target"/> (length max(2, scores)).</summary>
    public static void FromScores(ReadOnlySpan<double> scores, bool logits, Span<float> target)
    {
        if (scores.Length == 1)
        {
            var positive = logits ? 1 / (1 + Math.Exp(-scores[0])) : scores[0];
            target[0] = (float)(1 - positive);
            target[1] = (float)positive;
            return;
        }

        if (!logits)
        {
            for (var k = 0; k < scores.Length; k++)
            {
                target[k] = (float)scores[k];
            }

            return;
        }

        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        double sum = 0;
        foreach (var s in scores)
        {
            sum += Math.Exp(s - max);
        }

        for (var k = 0; k < scores.Length; k++)
        {
            target[k] = (float)(Math.Exp(scores[k] - max) / sum);
        }
    }

    /// <summary>Index of the largest value; the lowest index wins a tie.</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
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
}
