namespace CatInherit.Policy;

/// <summary>What a model output holds.</summary>
public enum OutputKind
{
    /// <summary>Per-class logits; softmax (sigmoid for one column) gives probabilities.</summary>
    Logits,
    /// <summary>Per-class probabilities.</summary>
    Probabilities,
    /// <summary>An embedding vector (or token-level vectors, pooled).</summary>
    Embedding,
}
