namespace CatInherit.Policy;

/// <summary>What a dataset's score columns hold.</summary>
public enum ScoreKind
{
    /// <summary>Unnormalised log-odds; softmax (or sigmoid for one column) gives probabilities.</summary>
    Logits,

    /// <summary>Probabilities; each row sums to 1 (one column: the positive class).</summary>
    Probabilities,
}
