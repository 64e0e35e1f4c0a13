using CatInherit.Metrics;

namespace CatInherit.Probes.MembershipInference;

/// <summary>
/// Per-sample membership scores in float64, higher = "more likely a training member" (privacy-meter's convention):
/// loss = −(cross-entropy of the true label) = log p_y; confidence = p_y; entropy = −H(p) = Σ p log p;
/// modified-entropy (Song and Mittal 2021) = −[−(1 − p_y) log p_y − Σ_{i≠y} p_i log(1 − p_i)].
/// Where the dataset has logits, every logarithm comes from them (log p = z − logsumexp z by a log-softmax that keeps
/// the largest log-probability's precision; log(1 − p_i) from the other classes' log-probabilities), so near-certain
/// predictions keep their order; probabilities given as such are used as given, a logarithm of 0 being taken at
/// <see cref="LogFloor"/>.
/// </summary>
internal static class MembershipAttack
{
    public static readonly IReadOnlyList<string> Names = ["loss", "confidence", "entropy", "modified-entropy"];

    /// <summary>
    /// The smallest value a given probability (or 1 − probability) is taken at before a logarithm, so a certain mistake
    /// stays finite; far below any probability a float64 model output can hold except 0, so it changes no order.
    /// </summary>
    public const double LogFloor = 1e-300;

    /// <summary>The attack's score of one row: its probabilities, its logits (empty when the dataset has none) and its true label.</summary>
    public static double Score(string attack, ReadOnlySpan<double> probabilities, ReadOnlySpan<double> logits, int label)
    {
        // log p from the logits by log-softmax, or from the given probabilities; p itself from log p where there are
        // logits, so both describe the same distribution to the last bit that matters.
        var fromLogits = !logits.IsEmpty;
        Span<double> logP = stackalloc double[probabilities.Length];
        Span<double> p = stackalloc double[probabilities.Length];
        if (fromLogits)
        {
            Probability.LogSoftmax(logits, logP);
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = Math.Exp(logP[i]);
            }
        }
        else
        {
            probabilities.CopyTo(p);
            for (var i = 0; i < p.Length; i++)
            {
                logP[i] = Math.Log(Math.Max(p[i], LogFloor));
            }
        }

        return attack switch
        {
            "loss" => logP[label],

            // p_y and log p_y rank alike; from logits, log p_y keeps apart what p_y would round to 1.
            "confidence" => fromLogits ? logP[label] : p[label],
            "entropy" => NegativeEntropy(p, logP),
            "modified-entropy" => -ModifiedEntropy(p, logP, fromLogits, label),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, "Unknown attack."),
        };
    }

    /// <summary>Whether the attack needs the true label.</summary>
    public static bool NeedsLabel(string attack) => attack != "entropy";

    private static double NegativeEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> logP)
    {
        double sum = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                sum += p[i] * logP[i];
            }
        }

        return sum;
    }

    /// <summary>
    /// log(1 − p_i) without rounding 1 − p_i: from the logits, the other classes' log-probabilities; from a given
    /// probability, log1p(−p) below ½ and log(1 − p) from ½ on (where 1 − p is exact).
    /// </summary>
    private static double LogComplement(ReadOnlySpan<double> p, ReadOnlySpan<double> logP, bool fromLogits, int i) =>
        fromLogits ? Probability.LogComplement(logP, i)
        : p[i] < 0.5 ? Probability.LogOnePlus(-p[i])
        : Math.Log(Math.Max(1 - p[i], LogFloor));

    private static double ModifiedEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> logP, bool fromLogits, int y)
    {
        // 1 − p_y as exp(log(1 − p_y)) keeps its relative precision when p_y is within rounding of 1.
        var complement = fromLogits ? Math.Exp(Probability.LogComplement(logP, y)) : 1 - p[y];
        var value = -complement * logP[y];
        for (var i = 0; i < p.Length; i++)
        {
            if (i != y && p[i] > 0)
            {
                value -= p[i] * LogComplement(p, logP, fromLogits, i);
            }
        }

        return value;
    }
}
