using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.GroupFairness;

/// <summary>group-fairness: its keys, metrics, rules, needs and plots.</summary>
internal static class GroupFairnessKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "group-fairness",
        "Compares selection rate, accuracy, TPR and FPR across groups defined by sensitive columns (fairlearn conventions).",
        [
            new("dataset", ValueKind.DatasetRef, "The dataset with labels and predictions.") { Required = true },
            new("sensitive", ValueKind.StringOrList, "The sensitive column, or several columns for intersectional groups.") { Required = true },
            new("positive_label", ValueKind.String, "The label that counts as positive.") { Default = "1" },
            new("min_group_size", ValueKind.Integer, "Groups with fewer rows are reported, excluded from the metrics, and warned about.") { Minimum = 1, Default = "1" },
        ],
        [
            new("accuracy", "Overall accuracy over the included groups.", MetricDirection.LowerIsWorse),
            new("demographic_parity_difference", "Largest minus smallest selection rate across groups.", MetricDirection.HigherIsWorse),
            new("demographic_parity_ratio", "Smallest over largest selection rate.", MetricDirection.LowerIsWorse),
            new("equal_opportunity_difference", "Largest minus smallest true positive rate.", MetricDirection.HigherIsWorse),
            new("equal_opportunity_ratio", "Smallest over largest true positive rate.", MetricDirection.LowerIsWorse),
            new("equalized_odds_difference", "The larger of the TPR difference and the FPR difference.", MetricDirection.HigherIsWorse),
            new("equalized_odds_ratio", "The smaller of the TPR ratio and the FPR ratio.", MetricDirection.LowerIsWorse),
            new("worst_group_accuracy", "The lowest accuracy of any group.", MetricDirection.LowerIsWorse),
            new("selection_rate", "Share of positive predictions, per group.", MetricDirection.Neutral, Gateable: false),
            new("true_positive_rate", "TP / (TP + FN), per group.", MetricDirection.Neutral, Gateable: false),
            new("false_positive_rate", "FP / (FP + TN), per group.", MetricDirection.Neutral, Gateable: false),
        ])
    {
        Taxonomy = new(Catastrophe.Bias, Pillar.Understand),
        Rules = [NeedsLabels],
        Needs = new()
        {
            Labels = true,
            Predictions = true,
            Attributions = "the three most confident mistakes in the group with the lowest accuracy (text models), for the class predicted",
        },
        Plots = [new GroupBarsPlot(["selection_rate", "true_positive_rate", "accuracy"])],
    };

    /// <summary>The summary metrics the probe computes, in <see cref="GroupFairnessMetrics"/>' order (every run checks them against <see cref="Descriptor"/>).</summary>
    public static string[] MetricNames => GroupFairnessMetrics.Names;

    private static void NeedsLabels(CheckRuleContext rule)
    {
        if (rule.Datasets.GetValueOrDefault("dataset") is { Label: null } dataset)
        {
            rule.Error(DiagnosticCodes.MissingKey, "dataset", $"{rule.Context} compares predictions with true labels, but dataset '{dataset.Name}' has no 'label' column");
        }
    }
}
