using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes;

/// <summary>Input rules and the row bootstrap that several probes share.</summary>
internal static class ProbeRequirements
{
    /// <summary>The check's dataset must have true labels and class probabilities (scores or a classifier model).</summary>
    public static void LabelsAndProbabilities(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics, string why, string key = "dataset")
    {
        if (!context.Datasets.TryGetValue(key, out var input))
        {
            return;
        }

        if (input.Predictions is not { } predictions || predictions.Labels.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, check.Values.LocationOf(key), $"check '{check.Id}': {why}, but dataset '{check.DatasetRefs[key]}' has no 'label'"));
        }
        else if (!predictions.HasProbabilities)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputKindMismatch, check.Values.LocationOf(key), $"check '{check.Id}': {why}, but dataset '{check.DatasetRefs[key]}' has no probabilities (give it 'scores', or a model with a logits or probabilities output)"));
        }
    }

    /// <summary>At load: the dataset must have a label column and a source of class probabilities (scores, or a classifier model).</summary>
    public static void LabelsAndProbabilities(CheckRuleContext rule, string why, string key = "dataset")
    {
        if (rule.Datasets.GetValueOrDefault(key) is not { } dataset)
        {
            return;
        }

        if (dataset.Label is null)
        {
            rule.Error(DiagnosticCodes.MissingKey, key, $"check '{rule.Check.Id}': {why}, but dataset '{dataset.Name}' has no 'label'");
        }
        else if (!dataset.HasProbabilities)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, key, $"check '{rule.Check.Id}': {why}, but dataset '{dataset.Name}' has no probabilities (give it 'scores', or a model with a logits or probabilities output)");
        }
    }

    /// <summary>The check's dataset must have true labels and hard predictions.</summary>
    public static void LabelsAndPredictions(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics, string why, string key = "dataset")
    {
        if (context.Datasets.TryGetValue(key, out var input) && (input.Predictions is not { } p || p.Labels.Length == 0 || p.Predicted.Length == 0))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, check.Values.LocationOf(key), $"check '{check.Id}': {why}, but dataset '{check.DatasetRefs[key]}' has no labels and predictions (a 'label' column and a 'prediction', 'scores' or classifier model)"));
        }
    }

    /// <summary>
    /// What each of <paramref name="rows"/> units holds, hashed (<see cref="RowContent"/>): <paramref name="of"/> adds the
    /// values the check's metrics read from unit i. The bootstrap numbers equal contents, so a resample does not depend on
    /// the order of the rows.
    /// </summary>
    public static ulong[] Contents(int rows, Func<RowContent, int, RowContent> of, string tag = "row")
    {
        var start = RowContent.Of(tag);
        var contents = new ulong[rows];
        for (var i = 0; i < contents.Length; i++)
        {
            contents[i] = of(start, i).Hash;
        }

        return contents;
    }

    /// <summary>
    /// Percentile intervals from the Poisson bootstrap (<see cref="Bootstrap"/>): <paramref name="contents"/> identifies the rows
    /// (<see cref="Contents"/>), <paramref name="compute"/> fills the metrics for the rows with their counts in one resample.
    /// </summary>
    public static List<KeyValuePair<string, Interval>> WeightedBootstrap(CheckSpec check, ulong checkSeed, Func<ulong[]> contents, string[] names, double[] values, WeightedStep compute)
    {
        if (check.Resamples == 0)
        {
            return [];
        }

        var identities = RowIdentity.Assign(contents());
        if (identities.Length == 0)
        {
            return [];
        }

        return Bootstrap.Weighted(check.Resamples, checkSeed, identities, names.Length, check.Confidence, compute).IntervalsFor(names, values);
    }

    /// <summary>
    /// The Poisson bootstrap for metrics written over row indices: <paramref name="compute"/> gets each resample's rows, row
    /// i repeated as often as it is drawn (a resample that draws nothing leaves every metric undefined).
    /// </summary>
    public static List<KeyValuePair<string, Interval>> RowBootstrap(CheckSpec check, ulong checkSeed, Func<ulong[]> contents, string[] names, double[] values, RowMetrics compute) =>
        WeightedBootstrap(check, checkSeed, contents, names, values, (counts, total, output) =>
        {
            if (total == 0)
            {
                output.Fill(double.NaN);
                return;
            }

            compute(Bootstrap.Expand(counts, total), output);
        });

    /// <summary>Computes metrics on a set of row indices (with repeats).</summary>
    public delegate void RowMetrics(int[] rows, Span<double> output);
}
