namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of an embedding-association (WEAT/SEAT) check.</summary>
public enum EmbeddingAssociationMetric
{
    /// <summary><c>effect_size</c>: (mean_x s − mean_y s) / sample std of s over X ∪ Y, s(w) = mean cos(w, A) − mean cos(w, B).</summary>
    EffectSize,

    /// <summary><c>p_value</c>: one-sided permutation p-value of Σ_x s − Σ_y s.</summary>
    PValue,
}
