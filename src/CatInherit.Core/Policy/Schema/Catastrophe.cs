namespace CatInherit.Policy.Schema;

/// <summary>
/// The six catastrophes a model can inherit from its pre-training (Chen et al., "On Catastrophic Inheritance of Large
/// Foundation Models", 2024): what a check kind looks for. Reports open with a matrix of them.
/// </summary>
public enum Catastrophe
{
    /// <summary>Unequal treatment of groups, inherited from skewed or stereotyped pre-training data.</summary>
    Bias,

    /// <summary>Failing, or not noticing, outside the training distribution.</summary>
    LackOfGeneralisation,

    /// <summary>Accuracy lost to noisy inputs, rare classes or overconfidence.</summary>
    DegradedPerformance,

    /// <summary>Backdoors, brittleness to small edits, adversarial attacks.</summary>
    SecurityVulnerability,

    /// <summary>What the model or its outputs reveal about its training data or about a person.</summary>
    PrivacyLeakage,

    /// <summary>Harmful associations and judgements about identities.</summary>
    ValueMisalignment,
}
