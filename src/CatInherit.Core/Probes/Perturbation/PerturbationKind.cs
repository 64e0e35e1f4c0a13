using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Perturbation;

/// <summary>perturbation: its keys, metrics, rules, needs and plots.</summary>
internal static class PerturbationKind
{
    /// <summary>The tests, in report order: four invariance tests, then two directional ones.</summary>
    public static readonly IReadOnlyList<string> Tests = ["typo", "misspelling", "homoglyph", "synonym", "negation", "intensifier"];

    /// <summary>The directional tests: they read the probability of <c>positive_label</c>.</summary>
    public static readonly IReadOnlyList<string> Directional = ["negation", "intensifier"];

    public static CheckKindDescriptor Descriptor { get; } = new(
        "perturbation",
        "CheckList-style tests on text: realistic noise (typos, misspellings, homoglyphs, synonyms) must not change the prediction, and a negated or intensified polar adjective must not move the score the wrong way.",
        [
            new("dataset", ValueKind.DatasetRef, "The texts to perturb (labels are not needed).") { Required = true },
            new("tests", ValueKind.StringList, "Which tests: typo, misspelling, homoglyph, synonym (invariance), negation, intensifier (directional). Default: all."),
            new("samples", ValueKind.Integer, "How many of the dataset's texts to perturb (a seeded sample; all when fewer).") { Minimum = 1, Maximum = 1_000_000, Default = "200" },
            new("positive_label", ValueKind.String, "The class whose probability the directional tests follow.") { Default = "1" },
            new("tolerance", ValueKind.Number, "How far a directional test may move the positive-class probability the wrong way before it fails (CheckList's monotonic tolerance).") { Minimum = 0, Maximum = 1, Default = "0.1" },
            new("synonyms", ValueKind.Path, "A synonym list to use instead of the built-in WordNet one: lines 'word<TAB>synonym,synonym'."),
            new("misspellings", ValueKind.Path, "A misspelling list to use instead of the built-in Hunspell patterns: lines 'correct<TAB>misspelt'."),
        ],
        [
            new("failure_rate", "Failing cases / test cases over every test run.", MetricDirection.HigherIsWorse),
            new("typo_failure_rate", "Share of texts whose prediction changes with one QWERTY typo.", MetricDirection.HigherIsWorse),
            new("misspelling_failure_rate", "Share of texts whose prediction changes with one common misspelling.", MetricDirection.HigherIsWorse),
            new("homoglyph_failure_rate", "Share of texts whose prediction changes with one letter swapped for a Unicode look-alike.", MetricDirection.HigherIsWorse),
            new("synonym_failure_rate", "Share of texts whose prediction changes with one word swapped for a WordNet synonym.", MetricDirection.HigherIsWorse),
            new("negation_failure_rate", "Share of negated polar adjectives ('not good') that move the positive-class probability toward the adjective's polarity by more than the tolerance.", MetricDirection.HigherIsWorse),
            new("intensifier_failure_rate", "Share of intensified polar adjectives ('very good') that move the positive-class probability against the adjective's polarity by more than the tolerance.", MetricDirection.HigherIsWorse),
        ])
    {
        NeedsPredictions = false,
        Rules = [Model, KnownTests, Lists],
        Needs = new() { Probabilities = true, Generates = "each sampled text once as it is and once per test, with one word perturbed" },
        Plots = [new GroupBarsPlot(["failure_rate"])],
    };

    private static void Model(CheckRuleContext rule) => ProbeSupport.Classifier(rule, "runs perturbed texts through a model");

    /// <summary>The check's own synonym and misspelling files, read as the run reads them.</summary>
    internal static void Lists(CheckRuleContext rule) => _ = PerturbationSources.For(rule.Check, rule.Sink);

    /// <summary>Each test named must exist; the directional tests' positive class must be a class.</summary>
    private static void KnownTests(CheckRuleContext rule)
    {
        var check = rule.Check;
        var tests = check.Values.GetStrings("tests");
        for (var i = 0; i < tests.Count; i++)
        {
            if (!Tests.Contains(tests[i]))
            {
                rule.Error(DiagnosticCodes.InvalidValue, "tests", i, $"check '{check.Id}': '{tests[i]}' is not a perturbation test.{Suggestions.DidYouMean(tests[i], Tests)} Available: {string.Join(", ", Tests)}");
            }
        }

        if (check.Values.Has("positive_label"))
        {
            ProbeSupport.KnownClasses(rule, "positive_label");
        }
    }
}
