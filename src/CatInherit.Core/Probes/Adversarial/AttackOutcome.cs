namespace CatInherit.Probes.Adversarial;

/// <summary>What the attack did to one input.</summary>
/// <param name="Status">Skipped (the model already got it wrong), failed (still right within the budget) or succeeded.</param>
/// <param name="Queries">Model queries spent on it, the first prediction included.</param>
/// <param name="PerturbedFraction">Share of its words or features the final input changed (successful attacks).</param>
/// <param name="Predicted">The prediction on the final input (class index).</param>
/// <param name="Adversarial">The final text, for text attacks.</param>
/// <param name="Changes">What changed: <c>great → grеat</c> per word, or the number of features and the L2 norm.</param>
internal sealed record AttackOutcome(AttackStatus Status, int Queries, double PerturbedFraction, int Predicted, string? Adversarial, IReadOnlyList<string> Changes);

/// <summary>TextAttack's three results of an attack on one input.</summary>
internal enum AttackStatus
{
    /// <summary>The model got the input wrong before any change: not attacked.</summary>
    Skipped,

    /// <summary>The prediction stayed right within the budget.</summary>
    Failed,

    /// <summary>The prediction changed to a wrong class.</summary>
    Succeeded,
}
