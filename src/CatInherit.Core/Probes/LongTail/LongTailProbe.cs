using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.LongTail;

/// <summary>
/// long-tail: recall of every class (details), their mean (macro_recall), the lowest (worst_class_recall)
/// and the mean over the tail classes — the declared <c>tail_classes</c>, else the third of the classes
/// (at least one) with the fewest labelled rows.
/// </summary>
internal sealed class LongTailProbe : IProbe
{
    private static readonly string[] MetricNames = LongTailKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => LongTailKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => [];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        ProbeRequirements.LabelsAndPredictions(check, context, diagnostics, "long-tail compares predictions with labels");
        if (context.Input?.Predictions is not { } predictions)
        {
            return;
        }

        var tail = check.Values.GetStrings("tail_classes");
        for (var i = 0; i < tail.Count; i++)
        {
            if (predictions.ClassIndex(tail[i]) < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownClass, check.Values.LocationOf("tail_classes", i), $"check '{check.Id}': tail class '{tail[i]}' is not one of the classes [{string.Join(", ", predictions.Classes)}]"));
            }
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var predictions = context.Input!.Predictions!;
        var classes = predictions.Classes;
        var support = new int[classes.Length];
        foreach (var y in predictions.Labels)
        {
            support[y]++;
        }

        var present = Enumerable.Range(0, classes.Length).Where(c => support[c] > 0).ToArray();
        var declared = check.Values.GetStrings("tail_classes");
        var tail = declared.Count > 0
            ? [.. declared.Select(predictions.ClassIndex)]
            : present.OrderBy(c => support[c]).ThenBy(c => c).Take(Math.Max(1, present.Length / 3)).ToArray();
        var values = new double[MetricNames.Length];
        void Compute(int[] rows, Span<double> output)
        {
            var hits = new double[classes.Length];
            var count = new double[classes.Length];
            foreach (var r in rows)
            {
                count[predictions.Labels[r]]++;
                hits[predictions.Labels[r]] += predictions.Predicted[r] == predictions.Labels[r] ? 1 : 0;
            }

            double Recall(int c) => count[c] == 0 ? double.NaN : hits[c] / count[c];
            var recalls = present.Select(Recall).ToArray();
            output[0] = recalls.Average();
            output[1] = recalls.Min();
            output[2] = tail.Select(Recall).Average();
        }

        var all = Enumerable.Range(0, predictions.Labels.Length).ToArray();
        Compute(all, values);
        var intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(all.Length, (c, r) => c.Add(predictions.Labels[r]).Add(predictions.Predicted[r])), MetricNames, values, Compute);
        var perClass = new JsonObject();
        foreach (var c in present)
        {
            var rows = all.Where(r => predictions.Labels[r] == c).ToArray();
            perClass[classes[c]] = new JsonObject { ["n"] = rows.Length, ["recall"] = rows.Count(r => predictions.Predicted[r] == c) / (double)rows.Length };
        }

        var worst = present.OrderBy(c => all.Where(r => predictions.Labels[r] == c).Average(r => predictions.Predicted[r] == c ? 1.0 : 0.0)).First();
        return new ProbeResult
        {
            Count = all.Length,
            Metrics = [.. MetricNames.Select((n, m) => new KeyValuePair<string, double>(n, values[m]))],
            Intervals = intervals,
            Undefined = tail.Length == 0 || tail.Any(c => c < 0 || support[c] == 0) ? [new("tail_recall", "a tail class has no labelled rows in the dataset")] : [],
            Details = new JsonObject { ["per_class_recall"] = perClass, ["tail_classes"] = new JsonArray([.. tail.Where(c => c >= 0).Select(c => (JsonNode)classes[c])]) },
            Explain = _ => $"worst class '{classes[worst]}' (n={support[worst]}); tail classes: {string.Join(", ", tail.Where(c => c >= 0).Select(c => classes[c]))}",
        };
    }
}
