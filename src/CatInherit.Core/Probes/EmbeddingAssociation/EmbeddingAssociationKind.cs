using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.EmbeddingAssociation;

/// <summary>embedding-association: its keys, metrics, rules, needs and plots.</summary>
internal static class EmbeddingAssociationKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "embedding-association",
        "WEAT (Caliskan et al. 2017) on the model's embeddings of word sets; SEAT when the words are placed in sentence templates.",
        [
            new("test", ValueKind.Enum, "A built-in test: weat1 flowers/insects, weat2 instruments/weapons (× pleasant/unpleasant), weat6 male/female names × career/family, weat7 math/arts and weat8 science/arts × male/female terms; identity-sexuality, identity-religion, identity-ethnicity, identity-disability-age: identity terms (Dixon et al. 2018) vs neutral descriptors × offensive vs pleasant words.") { AllowedValues = [.. WeatSets.Names] },
            new("targets", ValueKind.WordSets, "[X, Y]: the target sets, each a list of words or a word-list file (equal sizes)."),
            new("attributes", ValueKind.WordSets, "[A, B]: the attribute sets, each a list of words or a word-list file."),
            new("templates", ValueKind.StringOrList, "SEAT: sentence templates with {word}, or 'bleached' for May et al.'s (2019) semantically bleached templates."),
            new("permutations", ValueKind.Integer, "Exact test when C(2n, n) is at most this, else this many seeded random re-partitions.") { Minimum = 1, Maximum = 10_000_000, Default = "100000" },
        ],
        [
            new("effect_size", "(mean_x s − mean_y s) / sample std of s over X ∪ Y, s(w) = mean cos(w, A) − mean cos(w, B).", MetricDirection.HigherIsWorse),
            new("p_value", "One-sided permutation p-value of Σ_x s − Σ_y s.", MetricDirection.LowerIsWorse),
        ])
    {
        Taxonomy = new(Catastrophe.Bias, Pillar.Understand) { Refine = IdentityTests },
        NeedsPredictions = false,
        OneOf = [["test", "targets"]],
        Requires = [("targets", "attributes"), ("attributes", "targets")],
        Rules = [EmbeddingModel, WordSets],
        Needs = new() { Outputs = true, Generates = "the words of the four sets X, Y, A, B (or each word in each template sentence)" },
    };

    /// <summary>The built-in identity × offensive-word tests look for value misalignment, the others for bias.</summary>
    private static Catastrophe? IdentityTests(SpecValues values) =>
        values.GetString("test") is { } test && test.StartsWith("identity-", StringComparison.Ordinal) ? Catastrophe.ValueMisalignment : null;

    private static void EmbeddingModel(CheckRuleContext rule)
    {
        var check = rule.Check;
        if (rule.Model is { OutputKind: not OutputKind.Embedding } model)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, "model", $"check '{check.Id}' compares embeddings, but model '{model.Name}' outputs {model.Output.GetString("kind")}; point it at an embedding output (kind: embedding)");
        }
        else if (rule.Model is null)
        {
            rule.Error(DiagnosticCodes.UnknownModel, "model", rule.ModelCount == 0
                ? $"check '{check.Id}' runs texts through a model, but the policy declares none"
                : $"check '{check.Id}' needs to know which model to run: add 'model: <name>' ({string.Join(", ", rule.ModelNames)})");
        }
    }

    /// <summary>Word-list files, equal target sizes and template placeholders, read as the run would read them.</summary>
    private static void WordSets(CheckRuleContext rule) => _ = EmbeddingAssociationProbe.Sets(rule.Check, rule.Sink);
}
