using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.MembershipInference;

/// <summary>membership-inference: its keys, metrics, rules, needs and plots.</summary>
internal static class MembershipInferenceKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "membership-inference",
        "A threshold attack on the model's outputs: can training members be told apart from non-members?",
        [
            new("members", ValueKind.DatasetRef, "Samples the model was trained on (labelled).") { Required = true },
            new("non_members", ValueKind.DatasetRef, "Samples from the same distribution it never saw (labelled).") { Required = true },
            new("attack", ValueKind.Enum, "loss: −cross-entropy of the true label; confidence: its probability; entropy: −entropy of the prediction; modified-entropy: Song and Mittal (2021).") { AllowedValues = ["loss", "confidence", "entropy", "modified-entropy"], Default = "loss" },
            new("fpr", ValueKind.Number, "The false positive rate tpr_at_fpr is read at.") { Minimum = 0, Maximum = 1, Exclusive = true, Default = "0.01" },
            new("balance", ValueKind.Boolean, "Subsample the larger set (seeded) to the smaller's size. Changes nothing but the sample: no metric depends on the set sizes, so the default uses every row.") { Default = "false" },
            new("per_class", ValueKind.Boolean, "Per-class threshold attack: rank each score among the non-members of its true class, so every class gets its own threshold at the same false positive rate.") { Default = "false" },
        ],
        [
            new("auc", "ROC AUC of the attack, members positive, ties counted ½; 0.5 is chance, below 0.5 the model ranks members lower.", MetricDirection.HigherIsWorse),
            new("leakage_auc", "max(auc, 1 − auc): leakage in either direction (an attacker flips an attack that ranks members lower); 0.5 is chance. Gate on this.", MetricDirection.HigherIsWorse),
            new("tpr_at_fpr", "The largest TPR over thresholds whose FPR ≤ fpr.", MetricDirection.HigherIsWorse),
            new("advantage", "max over thresholds of |TPR − FPR| (TF-Privacy's attacker advantage).", MetricDirection.HigherIsWorse),
        ])
    {
        Taxonomy = new(Catastrophe.PrivacyLeakage, Pillar.Understand),
        NeedsPredictions = false,
        Rules = [ProbabilitiesAndLabels],
        Needs = new() { Labels = true, Probabilities = true },
        Plots = [new RocPlot("ROC: members (positive) vs non-members", "auc")],
    };

    /// <summary>The attack reads class probabilities, and the true label unless it is the entropy attack.</summary>
    private static void ProbabilitiesAndLabels(CheckRuleContext rule)
    {
        var check = rule.Check;
        var attack = check.Values.GetString("attack")!;
        foreach (var key in new[] { "members", "non_members" })
        {
            if (rule.Datasets.GetValueOrDefault(key) is not { } dataset)
            {
                continue;
            }

            if (!dataset.HasProbabilities)
            {
                rule.Error(DiagnosticCodes.OutputKindMismatch, key, $"check '{check.Id}': the attack reads class probabilities, but dataset '{dataset.Name}' has none (give it 'scores' or a model with a logits or probabilities output)");
            }
            else if (MembershipAttack.NeedsLabel(attack) && dataset.Label is null)
            {
                rule.Error(DiagnosticCodes.MissingKey, key, $"check '{check.Id}': the '{attack}' attack needs the true label of each sample, but dataset '{dataset.Name}' has no 'label' (or use 'attack: entropy')");
            }
        }
    }
}
