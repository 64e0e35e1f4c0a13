namespace CatInherit.Probes.IdentityTemplates;

/// <summary>The expected class of a filled template.</summary>
internal enum FillerPolarity
{
    /// <summary>Should be predicted positive: a miss counts toward the false negative rate.</summary>
    Positive,

    /// <summary>Should not be predicted positive: a hit counts toward the false positive rate.</summary>
    Negative,

    /// <summary>No expected class: only its score counts (mean score, term gaps).</summary>
    Neutral,
}
