namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a membership-inference check (members are the positive class).</summary>
public enum MembershipInferenceMetric
{
    /// <summary><c>auc</c>: ROC AUC of the attack, ties ½; 0.5 is chance.</summary>
    Auc,

    /// <summary><c>tpr_at_fpr</c>: the largest TPR over thresholds whose FPR is at most the check's rate (<see cref="MembershipInferenceCheck.AtFalsePositiveRate"/>).</summary>
    TprAtFpr,

    /// <summary><c>advantage</c>: max over thresholds of |TPR − FPR| (TF-Privacy's attacker advantage).</summary>
    Advantage,

    /// <summary><c>leakage_auc</c>: max(auc, 1 − auc), leakage in either direction.</summary>
    LeakageAuc,
}
