using System.Globalization;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;

namespace CatInherit.Probes.Slices;

/// <summary>slices: its keys, metrics, rules, needs and plots.</summary>
internal static class SlicesKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "slices",
        "SliceLine (Sagadeeva and Boehm 2021): the top-k slices — up to three conjoined predicates on the dataset's categorical columns and derived features — where the model's errors concentrate, each with its size, error rate and interval.",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled rows with predictions.") { Required = true },
            new("columns", ValueKind.StringList, "Categorical columns of the dataset to cut slices on (besides the derived features)."),
            new("features", ValueKind.StringList, "Derived features to cut on: text_length, gender_term, identity_term, predicted, confidence. Default: every one the data supports."),
            new("text", ValueKind.String, "The text column for text_length, gender_term and identity_term; default: the text input of the dataset's model."),
            new("k", ValueKind.Integer, "How many slices to report.") { Minimum = 1, Maximum = 100, Default = "4" },
            new("min_support", ValueKind.Integer, "The fewest rows a slice may have.") { Minimum = 1, Default = "32" },
            new("alpha", ValueKind.Number, "SliceLine's α: the weight of a slice's error against its size, in (0.5, 1] (at 0.5 or less no slice can score above 0).") { Minimum = 0, Maximum = 1, Default = "0.95" },
            new("max_predicates", ValueKind.Integer, "The most predicates a slice conjoins.") { Minimum = 1, Maximum = 3, Default = "3" },
        ],
        [
            new("worst_slice_error", "Error rate of the top-scored slice (of every row when no slice is worse than the average); its interval is Bonferroni-adjusted over every slice evaluated.", MetricDirection.HigherIsWorse),
            new("worst_slice_error_ratio", "The worst slice's error rate over the average error rate.", MetricDirection.HigherIsWorse),
            new("worst_slice_score", "SliceLine's score of the worst slice: α·((e_s/n_s)/ē − 1) − (1 − α)·(n/n_s − 1) (0 when no slice is worse than the average).", MetricDirection.HigherIsWorse),
            new("worst_slice_size", "Rows in the worst slice.", MetricDirection.Neutral),
            new("average_error", "ē: the error rate over every row.", MetricDirection.HigherIsWorse),
            new("slices_found", "Slices of at least min_support rows with a positive score (at most k).", MetricDirection.Neutral),
        ])
    {
        Taxonomy = new(Catastrophe.DegradedPerformance, Pillar.Interpret),
        Rules = [NeedsLabels, KnownFeatures, PositiveAlpha],
        Needs = new() { Labels = true, Predictions = true },
    };

    /// <summary>The search a failing group-fairness, ood or corruption check gets: this kind's key defaults.</summary>
    public static SliceLineOptions Defaults { get; } = new(
        IntDefault("k"), IntDefault("min_support"), double.Parse(Descriptor.FindKey("alpha")!.Default!, CultureInfo.InvariantCulture), IntDefault("max_predicates"));

    private static int IntDefault(string key) => int.Parse(Descriptor.FindKey(key)!.Default!, CultureInfo.InvariantCulture);

    private static void NeedsLabels(CheckRuleContext rule)
    {
        if (rule.Datasets.GetValueOrDefault("dataset") is { Label: null } dataset)
        {
            rule.Error(DiagnosticCodes.MissingKey, "dataset", $"{rule.Context} finds where predictions disagree with true labels, but dataset '{dataset.Name}' has no 'label' column");
        }
    }

    /// <summary>Each derived feature named must exist; text features need a text column.</summary>
    private static void KnownFeatures(CheckRuleContext rule)
    {
        var features = rule.Check.Values.GetStrings("features");
        for (var i = 0; i < features.Count; i++)
        {
            if (!SliceFeatures.Derived.Contains(features[i]))
            {
                rule.Error(DiagnosticCodes.InvalidValue, "features", i, $"{rule.Context}: '{features[i]}' is not a derived feature.{Suggestions.DidYouMean(features[i], SliceFeatures.Derived)} Available: {string.Join(", ", SliceFeatures.Derived)}");
            }
        }

        var text = features.FirstOrDefault(f => f is "text_length" or "gender_term" or "identity_term");
        if (text is not null && !rule.Check.Values.Has("text") && rule.Model?.TextColumn is null)
        {
            rule.Error(DiagnosticCodes.MissingKey, "features", $"{rule.Context}: '{text}' reads the text of each row; name its column with 'text: <column>' (the dataset's model reads no text)");
        }
    }

    /// <summary>
    /// At α ≤ 0.5 no slice scores above 0: a slice's error ratio (e_s/n_s)/ē is at most n/n_s (it cannot hold more errors
    /// than all), so α·(ratio − 1) never exceeds (1 − α)·(n/n_s − 1).
    /// </summary>
    private static void PositiveAlpha(CheckRuleContext rule)
    {
        if (rule.Check.Values.GetDouble("alpha") is { } alpha && alpha <= 0.5)
        {
            rule.Error(DiagnosticCodes.OutOfRange, "alpha", string.Create(CultureInfo.InvariantCulture,
                $"{rule.Context}: 'alpha' is {alpha}, but at 0.5 or less no slice can score above 0 (a slice cannot hold more errors than all rows, so its size penalty always wins); give a weight in (0.5, 1], e.g. 0.95"));
        }
    }
}
