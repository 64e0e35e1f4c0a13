using System.Globalization;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Corruption;

/// <summary>corruption: its keys, metrics, rules, needs and plots.</summary>
internal static class CorruptionKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "corruption",
        "Seeded corruptions of the inputs (typos, noise, ...) at severities 1–5: how much accuracy falls and how many predictions flip.",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled samples fed to a model.") { Required = true },
            new("corruptions", ValueKind.StringList, "Text: typo, delete, insert, transpose, word_drop, case, punctuation. Numeric: gaussian_noise, salt_and_pepper, brightness, contrast, blur, pixelate (square images). Default: all that fit the model's input."),
            new("severities", ValueKind.StringList, "Severities from 1 (mild) to 5 (severe).") { Default = "[1, 2, 3, 4, 5]" },
        ],
        [
            new("clean_accuracy", "Accuracy on the uncorrupted inputs.", MetricDirection.LowerIsWorse),
            new("corrupted_accuracy", "Mean accuracy over every corruption × severity.", MetricDirection.LowerIsWorse),
            new("accuracy_drop", "clean_accuracy − corrupted_accuracy.", MetricDirection.HigherIsWorse),
            new("flip_rate", "Mean share of predictions that change from the clean prediction.", MetricDirection.HigherIsWorse),
        ])
    {
        Taxonomy = new(Catastrophe.DegradedPerformance, Pillar.Understand),
        Rules = [ModelAndLabels, CorruptionsAndSeverities],
        Needs = new()
        {
            Labels = true,
            Predictions = true,
            Generates = "the dataset's inputs corrupted (seeded) by each corruption at each severity",
            Attributions = "when the check fails or warns, three rows of the worst corruption and severity that it flips from right to wrong (the most confident first): the clean text and its corrupted copy, for the class predicted on the clean text",
        },
    };

    /// <summary>Corrupted inputs go through a model, and accuracy needs labels.</summary>
    private static void ModelAndLabels(CheckRuleContext rule)
    {
        var check = rule.Check;
        if (rule.Datasets.GetValueOrDefault("dataset") is not { } dataset)
        {
            return;
        }

        if (rule.Model is null)
        {
            rule.Error(DiagnosticCodes.NoPredictions, "dataset", $"check '{check.Id}' runs corrupted inputs through a model, but dataset '{dataset.Name}' has no model; feed it to one");
        }

        if (dataset.Label is null)
        {
            rule.Error(DiagnosticCodes.MissingKey, "dataset", $"check '{check.Id}': corruption compares predictions with labels, but dataset '{dataset.Name}' has no labels and predictions (a 'label' column and a 'prediction', 'scores' or classifier model)");
        }
    }

    /// <summary>Each named corruption must fit the model's input (text or numeric, square images for spatial ones); severities are 1 to 5.</summary>
    private static void CorruptionsAndSeverities(CheckRuleContext rule)
    {
        var check = rule.Check;
        var severities = check.Values.GetStrings("severities");
        for (var i = 0; i < severities.Count; i++)
        {
            if (!int.TryParse(severities[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) || s is < 1 or > 5)
            {
                rule.Error(DiagnosticCodes.OutOfRange, "severities", i, $"check '{check.Id}': severity '{severities[i]}' must be a whole number from 1 (mild) to 5 (severe)");
            }
        }

        if (rule.Model is not { } model)
        {
            return;
        }

        var text = model.TextColumn is not null;
        var available = text ? Corruptions.Text : Corruptions.Numeric;
        var corruptions = check.Values.GetStrings("corruptions");
        for (var i = 0; i < corruptions.Count; i++)
        {
            if (!available.Contains(corruptions[i]))
            {
                rule.Error(DiagnosticCodes.InvalidValue, "corruptions", i, $"check '{check.Id}': '{corruptions[i]}' is not a corruption of {(text ? "text" : "numeric")} inputs.{Suggestions.DidYouMean(corruptions[i], available)} Available: {string.Join(", ", available)}");
            }
        }

        if (!text && Corruptions.ImageShape(model.FeatureColumns.Count) is null)
        {
            foreach (var spatial in corruptions.Where(Corruptions.Spatial.Contains).Distinct())
            {
                rule.Error(DiagnosticCodes.InvalidValue, "corruptions", string.Create(CultureInfo.InvariantCulture,
                    $"check '{check.Id}': '{spatial}' works on square images (side² or 3 × side² features, channel-first); the model reads {model.FeatureColumns.Count} features"));
            }
        }
    }
}
