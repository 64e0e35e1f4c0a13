using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.AttributeInference;

/// <summary>
/// attribute-inference: how well a sensitive attribute can be read off the model's outputs (embeddings,
/// logits or scores). A multinomial logistic-regression probe is trained and scored by seeded, stratified
/// k-fold cross-validation; accuracy and AUC (binary; macro one-vs-rest for more classes) are computed on
/// the held-out predictions, beside the majority-class baseline.
/// </summary>
internal sealed class AttributeInferenceProbe : IProbe
{
    private static readonly string[] MetricNames = AttributeInferenceKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => AttributeInferenceKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) =>
        check.Values.GetString("sensitive") is { } column
            ? [new ColumnRequest(column, ColumnKind.Categorical, check.Values.LocationOf("sensitive"), "sensitive attribute")]
            : [];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        if (context.Input is not { } input)
        {
            return;
        }

        if (Features(input) is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputKindMismatch, check.Values.LocationOf("dataset"), $"check '{check.Id}' reads the model's outputs, but dataset '{check.Dataset}' has none (feed it to a model, or give it 'scores')"));
            return;
        }

        var column = input.Table.Column<CategoricalColumn>(check.Values.GetString("sensitive")!);
        var folds = check.Values.Int("folds");
        var counts = column.Codes.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count < 2)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf("sensitive"), $"check '{check.Id}': column '{column.Name}' has a single value ('{column.Levels[0]}'); there is nothing to infer"));
        }
        else if (counts.Values.Min() < folds)
        {
            var smallest = counts.MinBy(p => p.Value);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutOfRange, check.Values.LocationOf("sensitive"), string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}': value '{column.Levels[smallest.Key]}' of '{column.Name}' has {smallest.Value} rows, fewer than the {folds} folds; every fold needs each value (lower 'folds' or add rows)")));
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var input = context.Input!;
        var column = input.Table.Column<CategoricalColumn>(check.Values.GetString("sensitive")!);
        var classes = column.Levels.Length;
        var x = Features(input)!;
        var y = column.Codes;
        var folds = check.Values.Int("folds");
        var seed = context.CheckSeed;
        var fold = StratifiedFolds(y, classes, folds, seed);
        var heldOut = new double[y.Length][];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, y.Length).Where(i => fold[i] != f).ToArray();
            var model = LogisticRegression.Fit([.. train.Select(i => x[i])], [.. train.Select(i => y[i])], classes);
            foreach (var i in Enumerable.Range(0, y.Length).Where(i => fold[i] == f))
            {
                heldOut[i] = model.Probabilities(x[i]);
            }
        }

        var values = new double[MetricNames.Length];
        var scored = new HeldOut(heldOut, y, classes);
        scored.Compute([], values);

        // A row is its value of the attribute and its held-out probabilities.
        var intervals = ProbeRequirements.WeightedBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(y.Length, (c, i) => c.Add(y[i]).Add(heldOut[i])), MetricNames, values,
            (counts, _, output) => scored.Compute(counts, output));

        var majority = y.GroupBy(c => c).Max(g => g.Count()) / (double)y.Length;
        return new ProbeResult
        {
            Count = y.Length,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = double.IsNaN(values[0]) ? [new("auc", "a resample or fold left a value of the attribute without rows")] : [],
            Details = new JsonObject
            {
                ["majority_baseline_accuracy"] = majority,
                ["chance_auc"] = 0.5,
                ["folds"] = folds,
                ["features"] = x[0].Length,
                ["values"] = new JsonArray([.. column.Levels.Select(l => (JsonNode)l)]),
            },
            Explain = _ => string.Create(CultureInfo.InvariantCulture, $"a {folds}-fold logistic probe recovers '{column.Name}' with accuracy {values[1]:0.####} (majority baseline {majority:0.####}) and AUC {values[0]:0.####} (chance 0.5) from {x[0].Length} output features"),
        };
    }

    /// <summary>The model's raw outputs per row, else the dataset's probabilities; null when there are none.</summary>
    private static double[][]? Features(ProbeInput input)
    {
        if (input.Outputs is { } outputs)
        {
            return outputs.ToRows();
        }

        if (input.Predictions is { Probabilities: not null } p)
        {
            return [.. Enumerable.Range(0, p.Count).Select(r => p.ProbabilityRow(r).ToArray())];
        }

        return null;
    }

    /// <summary>Fold of each row: rows of each value shuffled (seeded) and dealt round-robin, so every fold holds every value.</summary>
    private static int[] StratifiedFolds(int[] y, int classes, int folds, ulong seed)
    {
        var fold = new int[y.Length];
        var rng = new Xoshiro256(seed);
        for (var c = 0; c < classes; c++)
        {
            var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == c).ToArray();
            for (var i = rows.Length - 1; i > 0; i--)
            {
                var j = rng.NextInt(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            for (var i = 0; i < rows.Length; i++)
            {
                fold[rows[i]] = i % folds;
            }
        }

        return fold;
    }
}
