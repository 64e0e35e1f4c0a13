using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;

namespace CatInherit.Probes.Corruption;

/// <summary>
/// corruption: the dataset's inputs corrupted (seeded) at each requested severity go through the model;
/// clean_accuracy, corrupted_accuracy and flip_rate (prediction changed from the clean one) are the means over
/// every corruption × severity, accuracy_drop = clean − corrupted; each pair is in the details.
/// </summary>
internal sealed class CorruptionProbe : IProbe
{
    private static readonly string[] MetricNames = CorruptionKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => CorruptionKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => model is null ? [] : ModelSession.Columns(model);

    /// <summary>The corrupted copies of the dataset's inputs; names, severities and the model were checked at load (<see cref="CorruptionKind"/>).</summary>
    public IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics)
    {
        if (context.Table is not { } table || context.Model is not { } model)
        {
            return [];
        }

        var text = model.TextColumn is not null;
        var available = text ? Corruptions.Text : Corruptions.Numeric;
        var severities = Severities(check);
        var seed = context.DataSeed;
        var requests = new List<TextRequest>();
        foreach (var corruption in Selected(check, available, text ? 0 : model.FeatureColumns.Count))
        {
            foreach (var severity in severities)
            {
                requests.Add(text
                    ? new TextRequest($"{corruption}@{severity}", [.. table.Column<TextColumn>(model.TextColumn!).Values.Select((t, row) => Corrupted(t, row, corruption, severity, seed))])
                    : new TextRequest($"{corruption}@{severity}", []) { Table = CorruptTable(table, model, corruption, severity, StableHash.Of($"{corruption}@{severity}") ^ seed) });
            }
        }

        return requests;
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics) =>
        ProbeRequirements.LabelsAndPredictions(check, context, diagnostics, "corruption compares predictions with labels");

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var input = context.Input!;
        var predictions = input.Predictions!;
        var labels = predictions.Labels;
        var clean = predictions.Predicted;
        var variants = context.Texts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, Predicted: t.Value.Predicted())).ToArray();
        var values = new double[MetricNames.Length];
        void Compute(int[] rows, Span<double> output)
        {
            output[0] = rows.Average(r => clean[r] == labels[r] ? 1.0 : 0.0);
            output[1] = variants.Average(v => rows.Average(r => v.Predicted[r] == labels[r] ? 1.0 : 0.0));
            output[2] = output[0] - output[1];
            output[3] = variants.Average(v => rows.Average(r => v.Predicted[r] != clean[r] ? 1.0 : 0.0));
        }

        var all = Enumerable.Range(0, labels.Length).ToArray();
        Compute(all, values);
        var intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(all.Length, (c, r) =>
        {
            c = c.Add(labels[r]).Add(clean[r]);
            foreach (var (_, predicted) in variants)
            {
                c = c.Add(predicted[r]);
            }

            return c;
        }), MetricNames, values, Compute);
        var details = new JsonObject();
        foreach (var (key, predicted) in variants)
        {
            details[key] = new JsonObject
            {
                ["accuracy"] = all.Average(r => predicted[r] == labels[r] ? 1.0 : 0.0),
                ["flip_rate"] = all.Average(r => predicted[r] != clean[r] ? 1.0 : 0.0),
            };
        }

        var worst = variants.MinBy(v => all.Average(r => v.Predicted[r] == labels[r] ? 1.0 : 0.0));
        return new ProbeResult
        {
            Count = labels.Length,
            Metrics = [.. MetricNames.Select((n, m) => new KeyValuePair<string, double>(n, values[m]))],
            Intervals = intervals,
            Details = new JsonObject { ["per_corruption"] = details },
            WhenFailing = () => WhenFailing(check, context, predictions, variants, worst),
            Explain = _ => string.Create(CultureInfo.InvariantCulture, $"worst: {worst.Key} with accuracy {all.Average(r => worst.Predicted[r] == labels[r] ? 1.0 : 0.0):0.####} (clean {values[0]:0.####})"),
        };
    }

    /// <summary>A row's text under one corruption and severity: each row has its own stream, so the same row always gets the same corruption.</summary>
    private static string Corrupted(string text, int row, string corruption, int severity, ulong seed)
    {
        var rng = Xoshiro256.ForStream(StableHash.Of($"{corruption}@{severity}") ^ seed, (ulong)row);
        return Corruptions.CorruptText(text, corruption, severity, ref rng);
    }

    /// <summary>A failing (or warning) check's worst slices, and on text the words behind the rows its worst corruption flips.</summary>
    private static FailureDetails? WhenFailing(CheckSpec check, ProbeContext context, PredictionSet predictions, (string Key, int[] Predicted)[] variants, (string Key, int[] Predicted) worst)
    {
        var found = SliceFinder.ForFailure(FailureRows(context, predictions, variants), check.Confidence);
        var texts = context.Query is not null ? SliceFeatures.Texts(context.Input!, context.Model) : null;
        if (texts is null)
        {
            return found;
        }

        // The seed the corrupted texts were generated with (the planner's TextContext.DataSeed: independent of the run's seed).
        var seed = StableHash.CheckSeed(0, check.Id);
        var at = worst.Key.LastIndexOf('@');
        var (corruption, severity) = (worst.Key[..at], int.Parse(worst.Key[(at + 1)..], CultureInfo.InvariantCulture));
        var confidence = SliceFeatures.TopProbability(predictions);
        var examples = Enumerable.Range(0, predictions.Count)
            .Where(r => predictions.Predicted[r] == predictions.Labels[r] && worst.Predicted[r] != predictions.Predicted[r])
            .OrderByDescending(r => confidence?[r] ?? 0).ThenBy(r => r)
            .Take(TokenAttributions.PerCheck)
            .SelectMany((r, rank) =>
            {
                var label = string.Create(CultureInfo.InvariantCulture, $"flip {rank + 1} ({worst.Key})");
                return new[] { new AttributionExample($"{label}, clean", texts[r], predictions.Predicted[r]), new AttributionExample($"{label}, corrupted", Corrupted(texts[r], r, corruption, severity, seed), predictions.Predicted[r]) };
            })
            .ToList();
        var attributions = TokenAttributions.Explain(context.Query, examples, predictions.Classes);
        if (attributions.Count == 0)
        {
            return found;
        }

        var details = found?.Details ?? [];
        details["attributions"] = attributions;
        return new FailureDetails(details, found?.Summary);
    }

    /// <summary>
    /// Where a failing check's errors concentrate: every corrupted row (each row under each corruption and severity), cut by
    /// corruption, severity and the clean row's features — its text, and the prediction and confidence on it before any
    /// corruption (the corrupted input's own confidence would only restate its error).
    /// </summary>
    private static SliceTable FailureRows(ProbeContext context, PredictionSet predictions, (string Key, int[] Predicted)[] variants)
    {
        var n = predictions.Count;
        var texts = SliceFeatures.Texts(context.Input!, context.Model);
        var corruption = new List<string?>();
        var severity = new List<string?>();
        var errors = new List<double>();
        foreach (var (key, variant) in variants)
        {
            var at = key.LastIndexOf('@');
            for (var row = 0; row < n; row++)
            {
                corruption.Add(key[..at]);
                severity.Add(key[(at + 1)..]);
                errors.Add(variant[row] == predictions.Labels[row] ? 0 : 1);
            }
        }

        var repeat = variants.Length;
        var features = new List<SliceFeature>
        {
            SliceFeatures.FromValues("corruption", corruption, [.. variants.Select(v => v.Key[..v.Key.LastIndexOf('@')]).Distinct()]),
            SliceFeatures.FromValues("severity", severity),
        };
        var confidence = SliceFeatures.TopProbability(predictions);
        features.AddRange(SliceFeatures.Derive(
            texts is null ? null : [.. Enumerable.Range(0, repeat).SelectMany(_ => texts)],
            [.. Enumerable.Range(0, repeat).SelectMany(_ => predictions.Predicted)],
            confidence is null ? null : [.. Enumerable.Range(0, repeat).SelectMany(_ => confidence)],
            predictions.Classes));
        return new SliceTable(features, [.. errors], "corrupted rows (each row under each corruption and severity)", "misclassified");
    }

    /// <summary>The requested corruptions, or every available one (spatial ones only when the features form a square image).</summary>
    private static IEnumerable<string> Selected(CheckSpec check, IReadOnlyList<string> available, int features = 0) =>
        check.Values.GetStrings("corruptions") is { Count: > 0 } chosen
            ? chosen
            : available.Where(c => !Corruptions.Spatial.Contains(c) || features == 0 || Corruptions.ImageShape(features) is not null);

    /// <summary>The requested severities (validated at load), distinct and in order.</summary>
    private static int[] Severities(CheckSpec check) =>
        [.. check.Values.GetStrings("severities").Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).Distinct().Order()];

    private static DataTable CorruptTable(DataTable table, ModelSpec model, string corruption, int severity, ulong stream)
    {
        var columns = model.FeatureColumns.Select(c => table.Column<NumericColumn>(c).Values).ToArray();
        var corrupted = columns.Select(_ => new double[table.RowCount]).ToArray();
        var row = new float[columns.Length];
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                row[c] = (float)columns[c][r];
            }

            var rng = Xoshiro256.ForStream(stream, (ulong)r);
            Corruptions.CorruptFeatures(row, corruption, severity, ref rng);
            for (var c = 0; c < columns.Length; c++)
            {
                corrupted[c][r] = row[c];
            }
        }

        return new DataTable(table.File, table.Lines, model.FeatureColumns.Select((name, c) => (name, column: (DataColumn)new NumericColumn(name, corrupted[c]))).ToDictionary(p => p.name, p => p.column, StringComparer.Ordinal));
    }
}
