using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Ood;

/// <summary>ood: its keys, metrics, rules, needs and plots.</summary>
internal static class OodKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "ood",
        "Out-of-distribution detection: how well the model's scores separate its in-distribution data from another dataset, and how much accuracy falls there.",
        [
            new("dataset", ValueKind.DatasetRef, "In-distribution samples.") { Required = true },
            new("ood", ValueKind.DatasetRef, "Out-of-distribution samples.") { Required = true },
            new("score", ValueKind.Enum, "msp: largest class probability; max_logit; energy: T·logsumexp(logits/T); mahalanobis and knn on the model's raw outputs (e.g. embeddings), fitted on 'fit'.") { AllowedValues = ["msp", "max_logit", "energy", "mahalanobis", "knn"], Default = "msp" },
            new("temperature", ValueKind.Number, "T of the energy score.") { Minimum = 0, Exclusive = true, Default = "1" },
            new("fit", ValueKind.DatasetRef, "In-distribution samples (labelled for mahalanobis) the mahalanobis and knn scores are fitted on."),
            new("k", ValueKind.Integer, "The neighbour whose distance is the knn score.") { Minimum = 1, Default = "50" },
        ],
        [
            new("auroc", "P(in-distribution score > OOD score), ties ½.", MetricDirection.LowerIsWorse),
            new("aupr_in", "Area under the precision–recall curve, in-distribution positive.", MetricDirection.LowerIsWorse),
            new("aupr_out", "Area under the precision–recall curve, OOD positive (ranked by −score).", MetricDirection.LowerIsWorse),
            new("fpr_at_95_tpr", "Share of in-distribution samples flagged at the threshold that flags 95% of OOD samples.", MetricDirection.HigherIsWorse),
            new("accuracy_in", "Accuracy on the in-distribution dataset (when labelled).", MetricDirection.LowerIsWorse),
            new("accuracy_out", "Accuracy on the OOD dataset (when labelled).", MetricDirection.LowerIsWorse),
            new("accuracy_drop", "accuracy_in − accuracy_out.", MetricDirection.HigherIsWorse),
        ])
    {
        Taxonomy = new(Catastrophe.LackOfGeneralisation, Pillar.Understand),
        NeedsPredictions = false,
        Rules = [ScoreInputs, FitDataset],
        Needs = new() { Probabilities = true, Logits = true, Outputs = true },
        Plots = [new RocPlot("ROC: in-distribution (positive) vs OOD", "auroc")],
    };

    /// <summary>What each score reads must exist on both datasets (msp: probabilities; max_logit, energy: logits; mahalanobis, knn: model outputs).</summary>
    private static void ScoreInputs(CheckRuleContext rule)
    {
        var check = rule.Check;
        var score = check.Values.GetString("score")!;
        foreach (var key in new[] { "dataset", "ood" })
        {
            if (rule.Datasets.GetValueOrDefault(key) is not { } dataset)
            {
                continue;
            }

            var missing = score switch
            {
                "msp" when !dataset.HasProbabilities => "class probabilities (scores or a classifier model)",
                "max_logit" or "energy" when !dataset.HasLogits => "raw logits (a model output of kind logits, or scores with score_kind: logits)",
                "mahalanobis" or "knn" when !dataset.HasOutputs => "model outputs to use as features (feed the dataset to a model, e.g. an embedding output)",
                _ => null,
            };
            if (missing is not null)
            {
                rule.Error(DiagnosticCodes.OutputKindMismatch, key, $"check '{check.Id}': the '{score}' score needs {missing}, which dataset '{dataset.Name}' does not have");
            }
        }
    }

    /// <summary>mahalanobis and knn are fitted on 'fit': it must be there, fed to a model, and labelled for mahalanobis.</summary>
    private static void FitDataset(CheckRuleContext rule)
    {
        var check = rule.Check;
        var score = check.Values.GetString("score")!;
        if (score is not ("mahalanobis" or "knn"))
        {
            return;
        }

        if (!check.Values.Has("fit"))
        {
            rule.Error(DiagnosticCodes.MissingKey, "score", $"check '{check.Id}': the '{score}' score is fitted on in-distribution samples; add 'fit: <dataset>' (a labelled dataset for mahalanobis)");
        }
        else if (rule.Datasets.GetValueOrDefault("fit") is { } fit)
        {
            if (!fit.HasOutputs)
            {
                rule.Error(DiagnosticCodes.OutputKindMismatch, "fit", $"check '{check.Id}': fit dataset '{fit.Name}' needs model outputs (feed it to the same model as the others)");
            }
            else if (score == "mahalanobis" && fit.Label is null)
            {
                rule.Error(DiagnosticCodes.MissingKey, "fit", $"check '{check.Id}': mahalanobis fits one mean per class, but fit dataset '{fit.Name}' has no 'label'");
            }
        }
    }
}
