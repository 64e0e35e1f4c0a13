using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.LongTail;

/// <summary>long-tail: its keys, metrics, rules, needs and plots.</summary>
internal static class LongTailKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "long-tail",
        "Per-class recall: do rare classes get the recall the frequent ones get?",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled samples with predictions.") { Required = true },
            new("tail_classes", ValueKind.StringList, "The tail classes; default: the third of the classes with the fewest labelled rows."),
        ],
        [
            new("macro_recall", "Mean recall over classes.", MetricDirection.LowerIsWorse),
            new("worst_class_recall", "The lowest class recall.", MetricDirection.LowerIsWorse),
            new("tail_recall", "Mean recall over the tail classes.", MetricDirection.LowerIsWorse),
            new("per_class_recall", "Recall of each class (details).", MetricDirection.Neutral, Gateable: false),
        ])
    {
        Taxonomy = new(Catastrophe.DegradedPerformance, Pillar.Understand),
        Rules = [NeedsLabels],
        Needs = new() { Labels = true, Predictions = true },
    };

    private static void NeedsLabels(CheckRuleContext rule)
    {
        if (rule.Datasets.GetValueOrDefault("dataset") is { Label: null } dataset)
        {
            rule.Error(DiagnosticCodes.MissingKey, "dataset", $"check '{rule.Check.Id}': long-tail compares predictions with labels, but dataset '{dataset.Name}' has no labels and predictions (a 'label' column and a 'prediction', 'scores' or classifier model)");
        }
    }
}
