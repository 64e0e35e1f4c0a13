namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of an adversarial check (TextAttack's definitions).</summary>
public enum AdversarialMetric
{
    /// <summary><c>accuracy_under_attack</c>: inputs still predicted right after the attack / inputs attacked.</summary>
    AccuracyUnderAttack,

    /// <summary><c>attack_success_rate</c>: successful attacks / inputs the model got right.</summary>
    AttackSuccessRate,

    /// <summary><c>mean_queries</c>: mean model queries per input the model got right.</summary>
    MeanQueries,

    /// <summary><c>perturbed_fraction</c>: mean share of words (text) or features (numeric) changed, over successful attacks.</summary>
    PerturbedFraction,

    /// <summary><c>clean_accuracy</c>: inputs predicted right before the attack / inputs attacked.</summary>
    CleanAccuracy,
}
