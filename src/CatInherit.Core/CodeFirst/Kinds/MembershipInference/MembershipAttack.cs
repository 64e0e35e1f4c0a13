namespace CatInherit.CodeFirst;

/// <summary>How a membership-inference attack scores a sample (higher = "more likely a training member").</summary>
public enum MembershipAttack
{
    /// <summary><c>loss</c>: −(cross-entropy of the true label) (the default).</summary>
    Loss,

    /// <summary><c>confidence</c>: the probability of the true label.</summary>
    Confidence,

    /// <summary><c>entropy</c>: −(entropy of the prediction); needs no labels.</summary>
    Entropy,

    /// <summary><c>modified-entropy</c>: Song and Mittal's (2021) modified entropy.</summary>
    ModifiedEntropy,
}
