using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Counterfactual;

/// <summary>counterfactual: its keys, metrics, rules, needs and plots.</summary>
internal static class CounterfactualKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "counterfactual",
        "Runs each text and its twin with gendered words or names swapped through the model, and measures how much the prediction moves.",
        [
            new("dataset", ValueKind.DatasetRef, "A text dataset; texts without a swappable word are skipped."),
            new("template", ValueKind.String, "Instead of a dataset: a sentence with a {swap} placeholder (and others filled from 'fill'), e.g. \"{swap} was a great {role}.\""),
            new("fill", ValueKind.WordMap, "Words for the template's other placeholders: { role: [nurse, engineer] }, or a word-list file: { role: roles.txt }."),
            new("swap", ValueKind.NameOrMap, "A built-in list (gender-terms, names, gender) or { from: file, to: file } with aligned lines; swaps go both ways.") { Required = true, AllowedValues = ["gender-terms", "names", "gender"], Keys = [new("from", ValueKind.Path, "One word per line.") { Required = true }, new("to", ValueKind.Path, "The counterpart of each 'from' line.") { Required = true }] },
            new("positive_label", ValueKind.String, "The class whose probability change is measured.") { Default = "1" },
        ],
        [
            new("flip_rate", "Share of pairs whose predicted class changes.", MetricDirection.HigherIsWorse),
            new("mean_abs_delta", "Mean |P(positive | twin) − P(positive | text)|.", MetricDirection.HigherIsWorse),
            new("max_abs_delta", "Largest |P(positive | twin) − P(positive | text)|.", MetricDirection.HigherIsWorse),
        ])
    {
        Taxonomy = new(Catastrophe.Bias, Pillar.Understand),
        NeedsPredictions = false,
        OneOf = [["dataset", "template"]],
        Requires = [("fill", "template")],
        Rules = [TextClassifier, SwapsAndTemplate],
        Needs = new()
        {
            Probabilities = true,
            Generates = "each text and its twin with the swap list applied (the dataset's texts, or the template filled in)",
            Attributions = "the three pairs that flip (else move) most: the text and its twin, for the class predicted on the text",
        },
    };

    /// <summary>The model must read text and output class scores.</summary>
    private static void TextClassifier(CheckRuleContext rule)
    {
        var check = rule.Check;
        var model = rule.Model;
        if (model?.TextColumn is null)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, check.Location, $"check '{check.Id}' swaps words in text, so it needs a text model ('inputs.text'){(model is null ? "; name one with 'model: <name>' (a model under 'models' that reads text and outputs logits or probabilities)" : $"; model '{model.Name}' reads numeric features")}");
        }
        else if (model.OutputKind == OutputKind.Embedding)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, check.Location, $"check '{check.Id}' compares class probabilities, but model '{model.Name}' outputs an embedding; use a classifier output (kind: logits or probabilities)");
        }
    }

    /// <summary>Swap files, the template's placeholders and its fill lists, read as the run would read them.</summary>
    private static void SwapsAndTemplate(CheckRuleContext rule) => _ = CounterfactualProbe.Pairs(rule.Check, table: null, textColumn: null, rule.Sink);
}
