using System.Globalization;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;

namespace CatInherit.Probes.Slices;

/// <summary>
/// slices: SliceLine over the dataset's named categorical columns and the derived features (<see cref="SliceFeatures"/>);
/// a row's error is 1 when its prediction differs from its label. The metrics describe the top-scored slice; when no slice
/// of the support is worse than the average, that is the whole dataset (score 0, error ratio 1). Intervals are Wilson
/// score intervals (a slice's error is a proportion; no resampling): the worst slice's is Bonferroni-adjusted over every
/// slice the search evaluated, so <c>decide: interval</c> accounts for the search.
/// </summary>
internal sealed class SlicesProbe : IProbe
{
    private static readonly string[] MetricNames = SlicesKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => SlicesKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model)
    {
        var columns = check.Values.GetStrings("columns");
        for (var i = 0; i < columns.Count; i++)
        {
            yield return new ColumnRequest(columns[i], ColumnKind.Categorical, check.Values.LocationOf("columns", i), "slice feature");
        }

        if (check.Values.GetString("text") is { } text)
        {
            yield return new ColumnRequest(text, ColumnKind.Text, check.Values.LocationOf("text"), "text of each row");
        }
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics) =>
        ProbeRequirements.LabelsAndPredictions(check, context, diagnostics, "slices finds where predictions disagree with labels");

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var input = context.Input ?? throw new InvalidOperationException("slices runs on a dataset.");
        var table = Table(check, input);
        var options = new SliceLineOptions(check.Values.Int("k"), check.Values.Int("min_support"), check.Values.Double("alpha"), check.Values.Int("max_predicates"));
        var found = SliceFinder.Find(table, options, check.Confidence);
        var n = table.Errors.Length;
        var average = found.Result.AverageError;
        var worst = found.Worst;
        var values = worst is { } w
            ? new[] { w.Error, w.Error / average, w.Score, w.Size, average, found.Result.Top.Count }
            : [average, average > 0 ? 1 : double.NaN, 0, n, average, 0];
        var errors = table.Errors.Sum();
        var intervals = new List<KeyValuePair<string, Interval>>
        {
            new(MetricNames[0], worst is not null ? found.AdjustedInterval!.Value : Proportions.Wilson(errors, n, check.Confidence)),
            new(MetricNames[4], Proportions.Wilson(errors, n, check.Confidence)),
        };
        var undefined = double.IsNaN(values[1])
            ? new[] { new KeyValuePair<string, string>(MetricNames[1], $"the model gets every one of the {n} rows right, so there is no average error to compare with") }
            : [];
        var explain = found.Summary is { } summary
            ? string.Create(CultureInfo.InvariantCulture, $"{summary}; the gate's interval is Bonferroni-adjusted over the {found.Result.Evaluated} slices evaluated")
            : string.Create(CultureInfo.InvariantCulture, $"no slice of at least {options.MinSupport} rows is worse than the average error {Numbers.Format(average)} ({found.Result.Evaluated} slices evaluated)");
        return new ProbeResult
        {
            Count = n,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = undefined,
            Details = new System.Text.Json.Nodes.JsonObject { ["slices"] = found.ToJson() },
            Explain = _ => explain,
        };
    }

    /// <summary>The rows: the named columns, then the derived features the data supports (or the ones named).</summary>
    private static SliceTable Table(CheckSpec check, ProbeInput input)
    {
        var predictions = input.Predictions!;
        var features = check.Values.GetStrings("columns").Distinct(StringComparer.Ordinal).Select(c => SliceFeatures.Column(input.Table.Column<CategoricalColumn>(c))).ToList();
        var textColumn = check.Values.GetString("text") ?? input.Model?.TextColumn ?? check.Model?.TextColumn;
        var texts = textColumn is not null && input.Table.Has(textColumn) ? input.Table.Column<TextColumn>(textColumn).Values : null;
        var wanted = check.Values.Has("features") ? check.Values.GetStrings("features").ToHashSet(StringComparer.Ordinal) : null;
        features.AddRange(SliceFeatures.Derive(texts, predictions.Predicted, SliceFeatures.TopProbability(predictions), predictions.Classes, wanted));
        var errors = new double[predictions.Count];
        for (var row = 0; row < errors.Length; row++)
        {
            errors[row] = predictions.Predicted[row] == predictions.Labels[row] ? 0 : 1;
        }

        return new SliceTable(features, errors, "rows", "misclassified");
    }
}
