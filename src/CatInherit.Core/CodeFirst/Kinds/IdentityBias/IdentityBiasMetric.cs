namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of an identity-bias check (Borkan et al. 2019; the Jigsaw final bias score).</summary>
public enum IdentityBiasMetric
{
    /// <summary><c>final_bias_score</c>: w · overall AUC + (1 − w) · mean of the power means of the subgroup, BPSN and BNSP AUCs.</summary>
    FinalBiasScore,

    /// <summary><c>overall_auc</c>: ROC AUC over every row.</summary>
    OverallAuc,

    /// <summary><c>min_subgroup_auc</c>: the lowest subgroup AUC.</summary>
    MinSubgroupAuc,

    /// <summary><c>min_bpsn_auc</c>: the lowest BPSN AUC (background positives vs subgroup negatives).</summary>
    MinBpsnAuc,

    /// <summary><c>min_bnsp_auc</c>: the lowest BNSP AUC (subgroup positives vs background negatives).</summary>
    MinBnspAuc,

    /// <summary><c>max_abs_negative_aeg</c>: the largest |negative average equality gap| of any subgroup.</summary>
    MaxAbsNegativeAeg,

    /// <summary><c>max_abs_positive_aeg</c>: the largest |positive average equality gap| of any subgroup.</summary>
    MaxAbsPositiveAeg,
}
