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
        var n = labels.Length;

        // Each row's bin, confidence, correctness and Brier term, once; the data and every resample are weighted sums of them.
        var bin = new int[n];
        var confidence = new double[n];
        var correct = new bool[n];
        var brier = new double[n];
        for (var r = 0; r < n; r++)
        {
            (confidence[r], correct[r], brier[r]) = Metrics.Calibration.Row(probabilities.AsSpan(r * k, k), labels[r]);
            bin[r] = Metrics.Calibration.Bin(confidence[r], bins);
        }

        CalibrationBins Sums(ReadOnlySpan<byte> counts)
        {
            var sums = new CalibrationBins(bins);
            for (var r = 0; r < n; r++)
            {
                sums.Add(bin[r], confidence[r], correct[r], brier[r], counts.IsEmpty ? 1 : counts[r]);
            }

            return sums;
        }

        var all = Sums([]);
        double[] values = [all.Ece, all.Brier];

        // A row is its label and its probabilities.
        var intervals = ProbeRequirements.WeightedBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(n, (c, r) => c.Add(labels[r]).Add(probabilities.AsSpan(r * k, k))), MetricNames, values, (counts, _, output) =>
        {
            var sums = Sums(counts);
            output[0] = sums.Ece;
            output[1] = sums.Brier;
        });
        var reliability = new JsonArray();
        for (var b = 0; b < bins; b++)
        {
            if (all.Count[b] == 0)
            {
                continue;
            }

            var (lo, hi) = ((double)b / bins, (double)(b + 1) / bins);
            reliability.Add(new JsonObject
            {
                ["bin"] = string.Create(CultureInfo.InvariantCulture, $"({lo:0.###}, {hi:0.###}]"),
                ["n"] = (int)all.Count[b],
                ["accuracy"] = all.Correct[b] / (double)all.Count[b],
                ["confidence"] = all.Confidence[b] / all.Count[b],
            });
        }

        return new ProbeResult
        {
            Count = n,
            Metrics = [.. MetricNames.Select((n, m) => new KeyValuePair<string, double>(n, values[m]))],
            Intervals = intervals,
            Details = new JsonObject { ["bins"] = bins, ["reliability"] = reliability },
        };
    }
}
