namespace CatInherit.Metrics;

/// <summary>Borkan et al.'s (2019) per-subgroup metrics; NaN where a set they compare is empty.</summary>
/// <param name="SubgroupAuc">ROC AUC on the subgroup's rows.</param>
/// <param name="BpsnAuc">ROC AUC of background positives against subgroup negatives.</param>
/// <param name="BnspAuc">ROC AUC of subgroup positives against background negatives.</param>
/// <param name="NegativeAeg">0.5 − P(background negative scores above subgroup negative), ties ½.</param>
/// <param name="PositiveAeg">0.5 − P(background positive scores above subgroup positive), ties ½.</param>
internal readonly record struct SubgroupBias(double SubgroupAuc, double BpsnAuc, double BnspAuc, double NegativeAeg, double PositiveAeg);
