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
        else if (predictions.Probabilities is null)
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

    /// <summary>Percentile intervals from resampling rows with replacement; <paramref name="compute"/> fills the metrics for a row set.</summary>
    public static List<KeyValuePair<string, Interval>> RowBootstrap(CheckSpec check, ulong checkSeed, int rows, string[] names, double[] values, RowMetrics compute)
    {
        if (check.Resamples == 0 || rows == 0)
        {
            return [];
        }

        var result = Bootstrap.Run(check.Resamples, checkSeed, names.Length, check.Confidence, () => new int[rows], (sample, ref rng, output) =>
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = rng.NextInt(sample.Length);
            }

            compute(sample, output);
        });
        return result.IntervalsFor(names, values);
    }

    /// <summary>Percentile intervals from resampling two sets separately (members and non-members, in- and out-of-distribution).</summary>
    public static List<KeyValuePair<string, Interval>> TwoSampleBootstrap(CheckSpec check, ulong checkSeed, int first, int second, string[] names, double[] values, TwoSampleMetrics compute)
    {
        if (check.Resamples == 0 || first == 0 || second == 0)
        {
            return [];
        }

        var result = Bootstrap.Run(check.Resamples, checkSeed, names.Length, check.Confidence, () => (new int[first], new int[second]), (scratch, ref rng, output) =>
        {
            for (var i = 0; i < scratch.Item1.Length; i++)
            {
                scratch.Item1[i] = rng.NextInt(scratch.Item1.Length);
            }

            for (var i = 0; i < scratch.Item2.Length; i++)
            {
                scratch.Item2[i] = rng.NextInt(scratch.Item2.Length);
            }

            compute(scratch.Item1, scratch.Item2, output);
        });
        return result.IntervalsFor(names, values);
    }

    /// <summary>Computes metrics on a set of row indices (with repeats).</summary>
    public delegate void RowMetrics(int[] rows, Span<double> output);

    /// <summary>Computes metrics on row indices of two sets (with repeats).</summary>
    public delegate void TwoSampleMetrics(int[] first, int[] second, Span<double> output);
}
