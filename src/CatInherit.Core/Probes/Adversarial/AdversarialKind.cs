using System.Globalization;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Perturbation;

namespace CatInherit.Probes.Adversarial;

/// <summary>adversarial: its keys, metrics, rules, needs and plots.</summary>
internal static class AdversarialKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "adversarial",
        "A budgeted black-box attack on each sampled input the model gets right: greedy word substitution for text (word importance by deletion), SimBA in the pixel basis for numeric inputs; TextAttack's metrics.",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled inputs to attack.") { Required = true },
            new("samples", ValueKind.Integer, "How many of the dataset's inputs to attack (a seeded sample; all when fewer).") { Minimum = 1, Maximum = 1_000_000, Default = "100" },
            new("max_queries", ValueKind.Integer, "Model queries allowed per input, the first prediction included.") { Minimum = 1, Maximum = 1_000_000, Default = "500" },
            new("max_words", ValueKind.Number, "Text: the largest fraction of an input's words the attack may change, in (0, 1]; ceil(fraction × words) words.") { Minimum = 0, Maximum = 1, Default = "0.25" },
            new("epsilon", ValueKind.Number, "Numeric inputs: the L2 budget of the perturbation (required for a model that reads features).") { Minimum = 0 },
            new("step", ValueKind.Number, "Numeric inputs: SimBA's step on one feature.") { Minimum = 0, Default = "0.2" },
            new("synonyms", ValueKind.Path, "Text: a synonym list to use instead of the built-in WordNet one: lines 'word<TAB>synonym,synonym'."),
            new("misspellings", ValueKind.Path, "Text: a misspelling list to use instead of the built-in Hunspell patterns: lines 'correct<TAB>misspelt'."),
        ],
        [
            new("accuracy_under_attack", "Inputs still predicted right after the attack / inputs attacked (TextAttack's accuracy under attack).", MetricDirection.LowerIsWorse),
            new("attack_success_rate", "Successful attacks / inputs the model got right (skipped inputs, already wrong, are not counted).", MetricDirection.HigherIsWorse),
            new("mean_queries", "Mean model queries per input the model got right (successful and failed attacks).", MetricDirection.LowerIsWorse),
            new("perturbed_fraction", "Mean share of words (text) or features (numeric) changed, over successful attacks.", MetricDirection.LowerIsWorse),
            new("clean_accuracy", "Inputs predicted right before the attack / inputs attacked.", MetricDirection.LowerIsWorse),
        ])
    {
        NeedsPredictions = false,
        Rules = [ModelAndLabels, Budgets, PerturbationKind.Lists],
        Needs = new()
        {
            Labels = true,
            Generates = "the sampled inputs as they are",
            Queries = "each round of the attack: word deletions, then candidate substitutions (text), or one step on one feature (numeric), for every input still under attack",
        },
    };

    private static void ModelAndLabels(CheckRuleContext rule)
    {
        ProbeSupport.Classifier(rule, "attacks a model", numericToo: true);
        if (rule.Datasets.GetValueOrDefault("dataset") is { Label: null } dataset)
        {
            rule.Error(DiagnosticCodes.MissingKey, "dataset", $"check '{rule.Check.Id}': an attack needs the true label of each input, but dataset '{dataset.Name}' has no 'label'");
        }
    }

    /// <summary>Budgets that allow no attack, and keys that do not fit the model's input.</summary>
    private static void Budgets(CheckRuleContext rule)
    {
        var check = rule.Check;
        if (check.Values.GetDouble("max_words") is 0)
        {
            rule.Error(DiagnosticCodes.OutOfRange, "max_words", $"check '{check.Id}': 'max_words' is 0, so the attack may change no word; give a fraction in (0, 1], e.g. 0.25");
        }

        foreach (var key in new[] { "epsilon", "step" })
        {
            if (check.Values.GetDouble(key) is 0)
            {
                rule.Error(DiagnosticCodes.OutOfRange, key, $"check '{check.Id}': '{key}' is 0, so the attack may change nothing; give a positive number");
            }
        }

        if (rule.Model is not { } model)
        {
            return;
        }

        var text = model.TextColumn is not null;
        foreach (var key in text ? new[] { "epsilon", "step" } : ["max_words", "synonyms", "misspellings"])
        {
            if (check.Values.Has(key))
            {
                rule.Error(DiagnosticCodes.InvalidValue, key, $"check '{check.Id}': '{key}' applies to {(text ? "numeric" : "text")} inputs, but model '{model.Name}' reads {(text ? "text" : "numeric features")}");
            }
        }

        if (!text && !check.Values.Has("epsilon"))
        {
            rule.Error(DiagnosticCodes.MissingKey, check.Location, string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}' attacks a model that reads numeric features; give its L2 budget, e.g. 'epsilon: 1.0' (and optionally 'step', default 0.2)"));
        }
    }
}
