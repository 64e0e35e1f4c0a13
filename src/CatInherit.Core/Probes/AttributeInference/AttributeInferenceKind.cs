using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.AttributeInference;

/// <summary>attribute-inference: its keys, metrics, rules, needs and plots.</summary>
internal static class AttributeInferenceKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "attribute-inference",
        "How well a sensitive attribute can be recovered from the model's outputs by a cross-validated logistic-regression probe.",
        [
            new("dataset", ValueKind.DatasetRef, "Rows with the model's outputs (or scores) and the attribute.") { Required = true },
            new("sensitive", ValueKind.String, "The attribute column to recover.") { Required = true },
            new("folds", ValueKind.Integer, "Cross-validation folds (stratified, seeded).") { Minimum = 2, Maximum = 100, Default = "5" },
        ],
        [
            new("auc", "Held-out ROC AUC of the probe (binary attribute; macro one-vs-rest otherwise); 0.5 is chance.", MetricDirection.HigherIsWorse),
            new("accuracy", "Held-out accuracy; the report gives the majority-class baseline beside it.", MetricDirection.HigherIsWorse),
        ])
    {
        Taxonomy = new(Catastrophe.PrivacyLeakage, Pillar.Understand),
        NeedsPredictions = false,
        Rules = [ModelOutputs],
        Needs = new() { Outputs = true },
    };

    /// <summary>The probe learns from the model's outputs (or the dataset's scores).</summary>
    private static void ModelOutputs(CheckRuleContext rule)
    {
        if (rule.Datasets.GetValueOrDefault("dataset") is { } dataset && !dataset.HasOutputs && !dataset.HasProbabilities)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, "dataset", $"check '{rule.Check.Id}' reads the model's outputs, but dataset '{dataset.Name}' has none (feed it to a model, or give it 'scores')");
        }
    }
}
