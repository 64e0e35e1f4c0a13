namespace CatInherit.Probes.MembershipInference;

/// <summary>
/// Per-sample membership scores, higher = "more likely a training member" (privacy-meter's convention):
/// loss = −(cross-entropy of the true label) = log p_y; confidence = p_y; entropy = −H(p) = Σ p log p;
/// modified-entropy (Song and Mittal 2021) = −[−(1 − p_y) log p_y − Σ_{i≠y} p_i log(1 − p_i)].
/// </summary>
internal static class MembershipAttack
{
    public static readonly IReadOnlyList<string> Names = ["loss", "confidence", "entropy", "modified-entropy"];

    /// <summary>Probabilities are clipped to [1e-12, 1 − 1e-12] before logarithms so certain predictions stay finite.</summary>
    private const double Clip = 1e-12;

    public static double Score(string attack, ReadOnlySpan<float> probabilities, int label) => attack switch
    {
        "loss" => Math.Log(Clamp(probabilities[label])),
        "confidence" => probabilities[label],
        "entropy" => Entropy(probabilities),
        "modified-entropy" => -ModifiedEntropy(probabilities, label),
        _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, "Unknown attack."),
    };

    /// <summary>Whether the attack needs the true label.</summary>
    public static bool NeedsLabel(string attack) => attack != "entropy";

    private static double Entropy(ReadOnlySpan<float> p)
    {
        double sum = 0;
        foreach (var v in p)
        {
            sum += v * Math.Log(Clamp(v));
        }

        return sum;
    }

    private static double ModifiedEntropy(ReadOnlySpan<float> p, int y)
    {
        var value = -(1 - p[y]) * Math.Log(Clamp(p[y]));
        for (var i = 0; i < p.Length; i++)
        {
            if (i != y)
            {
                value -= p[i] * Math.Log(Clamp(1 - p[i]));
            }
        }

        return value;
    }

    private static double Clamp(double v) => Math.Clamp(v, Clip, 1 - Clip);
}
