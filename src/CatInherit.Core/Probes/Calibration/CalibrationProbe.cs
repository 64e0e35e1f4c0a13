using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Calibration;

/// <summary>calibration: expected calibration error and the multi-class Brier score, with a reliability table in the details.</summary>
internal sealed class CalibrationProbe : IProbe
{
    private static readonly string[] MetricNames = CalibrationKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => CalibrationKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => [];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics) =>
        ProbeRequirements.LabelsAndProbabilities(check, context, diagnostics, "calibration compares predicted probabilities with outcomes");

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var predictions = context.Input!.Predictions!;
        var probabilities = predictions.Probabilities!;
        var k = predictions.Classes.Length;
        var bins = check.Values.Int("bins");
        var labels = predictions.Labels;
        var all = Enumerable.Range(0, labels.Length).ToArray();
        var values = new double[2];
        void Compute(int[] rows, Span<double> output)
        {
            output[0] = Metrics.Calibration.Ece(probabilities, k, labels, rows, bins);
            output[1] = Metrics.Calibration.Brier(probabilities, k, labels, rows);
        }

        Compute(all, values);
        var intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, labels.Length, MetricNames, values, Compute);
        var reliability = new JsonArray();
        for (var b = 0; b < bins; b++)
        {
            var (lo, hi) = ((double)b / bins, (double)(b + 1) / bins);
            var inBin = all.Where(r =>
            {
                var c = probabilities.AsSpan(r * k, k);
                return Metrics.Calibration.Bin(c[Probability.ArgMax(c)], bins) == b;
            }).ToArray();
            if (inBin.Length == 0)
            {
                continue;
            }

            reliability.Add(new JsonObject
            {
                ["bin"] = string.Create(CultureInfo.InvariantCulture, $"({lo:0.###}, {hi:0.###}]"),
                ["n"] = inBin.Length,
                ["accuracy"] = inBin.Count(r => Probability.ArgMax(probabilities.AsSpan(r * k, k)) == labels[r]) / (double)inBin.Length,
                ["confidence"] = inBin.Average(r => { var c = probabilities.AsSpan(r * k, k); return c[Probability.ArgMax(c)]; }),
            });
        }

        return new ProbeResult
        {
            Count = labels.Length,
            Metrics = [.. MetricNames.Select((n, m) => new KeyValuePair<string, double>(n, values[m]))],
            Intervals = intervals,
            Details = new JsonObject { ["bins"] = bins, ["reliability"] = reliability },
        };
    }
}
