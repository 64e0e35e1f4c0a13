using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.IdentityTemplates;

/// <summary>identity-templates: its keys, metrics, rules, needs and plots.</summary>
internal static class IdentityTemplatesKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "identity-templates",
        "Identity terms in templates (Dixon et al. 2018): every term in the same sentences, run through the classifier; per term the mean positive score and error rates, summarised by the false positive and false negative equality differences.",
        [
            new("terms", ValueKind.StringOrList, "The identity terms: 'dixon' (the 50 terms of Dixon et al.'s bias madlibs), a list of terms, word-list files (*.txt, one term a line), or a mix: [dixon, extra.txt, nonbinary].") { Default = IdentityTerms.BuiltInName },
            new("templates", ValueKind.StringOrList, "Sentences with {term} and, optionally, {filler}; 'dixon': \"Being {term} is {filler}.\", \"{term} people are {filler}.\", \"I am {term}.\"") { Default = IdentityTerms.BuiltInName },
            new("fillers", ValueKind.NameOrMap, "What {filler} becomes, by expected class: 'dixon' (the madlibs' 16 positive and 16 negative adjectives) or { positive: [...], negative: [...], neutral: [...] }, each a list or a word-list file.")
            {
                AllowedValues = [IdentityTerms.BuiltInName],
                Default = IdentityTerms.BuiltInName,
                Keys =
                [
                    new("positive", ValueKind.StringOrList, "Fillers that make a sentence of the positive class (a miss is a false negative)."),
                    new("negative", ValueKind.StringOrList, "Fillers that make a sentence of another class (a hit is a false positive)."),
                    new("neutral", ValueKind.StringOrList, "Fillers with no expected class: only their scores count."),
                ],
            },
            new("positive_label", ValueKind.String, "The class whose probability is the score.") { Default = "1" },
            new("threshold", ValueKind.Number, "A sentence is predicted positive when P(positive) ≥ threshold; without it, when the positive class has the highest probability.") { Minimum = 0, Maximum = 1, Exclusive = true },
        ],
        [
            new("fped", "False positive equality difference: Σ over terms |FPR − FPR_term| on the negative-filler sentences.", MetricDirection.HigherIsWorse),
            new("fned", "False negative equality difference: Σ over terms |FNR − FNR_term| on the positive-filler sentences.", MetricDirection.HigherIsWorse),
            new("max_term_gap", "Largest minus smallest mean P(positive) of any two terms, over the same template sentences.", MetricDirection.HigherIsWorse),
            new("mean_score", "Mean P(positive) of the term's sentences, per term.", MetricDirection.Neutral, Gateable: false),
            new("false_positive_rate", "Share of the term's negative-filler sentences predicted positive, per term.", MetricDirection.HigherIsWorse, Gateable: false),
            new("false_negative_rate", "Share of the term's positive-filler sentences not predicted positive, per term.", MetricDirection.HigherIsWorse, Gateable: false),
        ])
    {
        NeedsPredictions = false,
        Rules = [TextClassifier, rule => _ = TemplateSetReader.Read(rule.Check, rule.Sink)],
        Needs = new() { Probabilities = true, Generates = "every template × filler with every identity term" },
        Plots = [new GroupBarsPlot(["mean_score", "false_positive_rate", "false_negative_rate"])],
    };

    /// <summary>The model must read text and output class scores.</summary>
    private static void TextClassifier(CheckRuleContext rule)
    {
        var check = rule.Check;
        if (rule.Model is not { } model)
        {
            rule.Error(DiagnosticCodes.UnknownModel, "model", rule.ModelCount == 0
                ? $"check '{check.Id}' runs template sentences through a classifier, but the policy declares no model"
                : $"check '{check.Id}' needs to know which model to run: add 'model: <name>' ({string.Join(", ", rule.ModelNames)})");
        }
        else if (model.TextColumn is null)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, "model", $"check '{check.Id}' puts identity terms into sentences, so it needs a text model ('inputs.text'); model '{model.Name}' reads numeric features");
        }
        else if (model.OutputKind == OutputKind.Embedding)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, "model", $"check '{check.Id}' compares class probabilities, but model '{model.Name}' outputs an embedding; use a classifier output (kind: logits or probabilities), or an embedding-association check with an identity test for the encoder");
        }
    }
}
