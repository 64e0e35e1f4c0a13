namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a group-fairness check (fairlearn's conventions; see the README's metric table).</summary>
public enum GroupFairnessMetric
{
    /// <summary><c>accuracy</c>: overall accuracy over the included groups.</summary>
    Accuracy,

    /// <summary><c>demographic_parity_difference</c>: largest minus smallest selection rate across groups.</summary>
    DemographicParityDifference,

    /// <summary><c>demographic_parity_ratio</c>: smallest over largest selection rate.</summary>
    DemographicParityRatio,

    /// <summary><c>equal_opportunity_difference</c>: largest minus smallest true positive rate.</summary>
    EqualOpportunityDifference,

    /// <summary><c>equal_opportunity_ratio</c>: smallest over largest true positive rate.</summary>
    EqualOpportunityRatio,

    /// <summary><c>equalized_odds_difference</c>: the larger of the TPR difference and the FPR difference.</summary>
    EqualizedOddsDifference,

    /// <summary><c>equalized_odds_ratio</c>: the smaller of the TPR ratio and the FPR ratio.</summary>
    EqualizedOddsRatio,

    /// <summary><c>worst_group_accuracy</c>: the lowest accuracy of any group.</summary>
    WorstGroupAccuracy,
}
