namespace CatInherit.Policy.Schema;

/// <summary>The check kinds this release implements, and those the contract names for later releases.</summary>
public static class CheckCatalog
{
    /// <summary>The group-fairness kind (fairlearn conventions).</summary>
    public static CheckKindDescriptor GroupFairness { get; } = new(
        "group-fairness",
        "Compares selection rate, accuracy, TPR and FPR across groups defined by sensitive columns (fairlearn conventions).",
        [
            new("dataset", ValueKind.DatasetRef, "The dataset with labels and predictions.") { Required = true },
            new("sensitive", ValueKind.StringOrList, "The sensitive column, or several columns for intersectional groups.") { Required = true },
            new("positive_label", ValueKind.String, "The label that counts as positive.") { Default = "1" },
            new("min_group_size", ValueKind.Integer, "Groups with fewer rows are reported, excluded from the metrics, and warned about.") { Minimum = 1, Default = "1" },
        ],
        [
            new("accuracy", "Overall accuracy over the included groups."),
            new("demographic_parity_difference", "Largest minus smallest selection rate across groups."),
            new("demographic_parity_ratio", "Smallest over largest selection rate."),
            new("equal_opportunity_difference", "Largest minus smallest true positive rate."),
            new("equal_opportunity_ratio", "Smallest over largest true positive rate."),
            new("equalized_odds_difference", "The larger of the TPR difference and the FPR difference."),
            new("equalized_odds_ratio", "The smaller of the TPR ratio and the FPR ratio."),
            new("worst_group_accuracy", "The lowest accuracy of any group."),
            new("selection_rate", "Share of positive predictions, per group.", Gateable: false),
            new("true_positive_rate", "TP / (TP + FN), per group.", Gateable: false),
            new("false_positive_rate", "FP / (FP + TN), per group.", Gateable: false),
        ]);

    /// <summary>Every kind this release runs.</summary>
    public static IReadOnlyList<CheckKindDescriptor> Kinds { get; } = [GroupFairness];

    /// <summary>Kinds the contract defines that a later release adds; named so a policy gets a clear message.</summary>
    public static IReadOnlyList<string> PlannedKinds { get; } =
        ["counterfactual", "embedding-association", "ood", "corruption", "long-tail", "calibration", "membership-inference", "attribute-inference"];

    /// <summary>Finds an implemented kind.</summary>
    public static CheckKindDescriptor? Find(string name) => Kinds.FirstOrDefault(k => k.Name == name);
}
