using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using Onnx;

namespace CatInherit.Mitigation;

/// <summary>
/// thresholds: per-group thresholds on the positive-class probability (<see cref="GroupThresholds"/>), fitted on the
/// fit set. A model gains an int64 input <c>group</c> (the index of the row's group in the fitted order) and a boolean
/// output <c>decision</c> = p(positive) &gt; threshold[group]; its other outputs are unchanged. The before/after runs
/// apply the same rule to the predictions of every dataset that holds the group column (documented post-processing),
/// and the thresholds are written as JSON beside the model.
/// </summary>
internal sealed class ThresholdsMethod : IMitigationMethod
{
    /// <summary>The input the graph gains.</summary>
    public const string GroupInput = "group";

    /// <summary>The output the graph gains.</summary>
    public const string DecisionOutput = "decision";

    public MitigationMethodDescriptor Descriptor => MitigationMethods.Thresholds;

    /// <summary>Each row's group as text, from a categorical or text column; null when the table lacks the column.</summary>
    public static string[]? GroupValues(DataTable table, string column) =>
        !table.Has(column) ? null
        : table.Column<DataColumn>(column) switch
        {
            CategoricalColumn c => [.. c.Codes.Select(code => c.Levels[code])],
            TextColumn t => t.Values,
            NumericColumn n => [.. n.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))],
            _ => null,
        };

    public FittedEdit? Fit(MitigationSpec mitigation, ModelSpec? model, FitContext context, List<Diagnostic> diagnostics)
    {
        var values = mitigation.Values;
        var sensitive = values.String("sensitive");
        var request = new ColumnRequest(sensitive, ColumnKind.Text, values.LocationOf("sensitive"), "mitigation group");
        if (FitRows.Read(mitigation, model, context, diagnostics, request) is not { } rows)
        {
            return null;
        }

        var predictions = rows.Predictions;
        var positive = predictions.ClassIndex(values.String("positive_label"));
        if (predictions.Classes.Length != 2 || positive < 0 || predictions.Probabilities is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MitigationModel, values.LocationOf("positive_label"), $"mitigation '{mitigation.Id}': per-group thresholds need a binary classifier's probabilities with class '{values.String("positive_label")}'; the fit set has classes {string.Join(", ", predictions.Classes)}{(predictions.Probabilities is null ? " and no probabilities" : string.Empty)}"));
            return null;
        }

        var groupText = GroupValues(rows.Table, sensitive)!;
        var names = groupText.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var scores = Enumerable.Range(0, predictions.Count).Select(r => predictions.ProbabilityRow(r)[positive]).ToArray();
        var isPositive = predictions.Labels.Select(l => l == positive).ToArray();
        var groups = groupText.Select(g => index[g]).ToArray();
        var equalOpportunity = values.String("constraint") == "equal_opportunity";
        var max = values.Double("max");
        var result = GroupThresholds.Search(scores, isPositive, groups, names.Length, equalOpportunity, max);
        if (result is null)
        {
            var empty = names.Where((n, g) => !groups.Where((x, r) => x == g && isPositive[r]).Any());
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConstraintUnreachable, values.LocationOf("constraint"), $"mitigation '{mitigation.Id}': equal opportunity compares true positive rates, but group(s) {string.Join(", ", empty.Select(n => $"'{n}'"))} have no positive rows in the fit set; fit on rows with positives in every group, or use demographic_parity"));
            return null;
        }

        var thresholds = result.Thresholds;
        var original = Enumerable.Range(0, predictions.Count).Count(r => predictions.Predicted[r] == predictions.Labels[r]);
        var json = new JsonObject
        {
            ["sensitive"] = sensitive,
            ["positive_label"] = predictions.Classes[positive],
            ["constraint"] = values.String("constraint"),
            ["max"] = max,
            ["groups"] = new JsonArray([.. names.Select((n, g) => new JsonObject { ["group"] = n, ["index"] = g, ["threshold"] = thresholds[g], ["fit_rate"] = result.Rates[g] })]),
        };
        var summary = new JsonObject
        {
            ["fit_rows"] = predictions.Count,
            ["fit_accuracy_before"] = (double)original / predictions.Count,
            ["fit_accuracy_after"] = result.Accuracy,
            ["fit_difference_after"] = result.Difference,
            ["thresholds"] = json.DeepClone(),
        };

        var negative = 1 - positive;
        return new FittedEdit
        {
            Summary = summary,
            Files = new Dictionary<string, byte[]> { [$"{mitigation.Id}.thresholds.json"] = Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n") },
            Correct = (table, set) => Correct(table, set, sensitive, index, thresholds, positive, negative),
            Edit = model is null ? null : editor => Write(editor, model, thresholds, positive, names),
        };
    }

    /// <summary>Predicts positive when p(positive) &gt; the row's group threshold; rows of a group the fit never saw keep their prediction.</summary>
    private static PredictionSet Correct(DataTable table, PredictionSet set, string sensitive, Dictionary<string, int> index, double[] thresholds, int positive, int negative)
    {
        if (GroupValues(table, sensitive) is not { } groups || set.Probabilities is null || set.Classes.Length != 2)
        {
            return set;
        }

        var predicted = new int[set.Count];
        for (var r = 0; r < set.Count; r++)
        {
            predicted[r] = index.TryGetValue(groups[r], out var g) ? (set.ProbabilityRow(r)[positive] > thresholds[g] ? positive : negative) : set.Predicted[r];
        }

        return new PredictionSet(set.Classes, set.Labels, predicted, set.Probabilities, set.Logits);
    }

    private static void Write(OnnxGraphEditor editor, ModelSpec model, double[] thresholds, int positive, string[] names)
    {
        foreach (var name in new[] { GroupInput, DecisionOutput }.Where(editor.Uses))
        {
            throw new InvalidInputException([Diagnostic.Error(DiagnosticCodes.GraphEdit, model.Values.LocationOf("path"), $"model '{model.Name}' already has a tensor named '{name}'; per-group thresholds add an input 'group' and an output 'decision'")]);
        }

        // p(positive): the model's probabilities, or the softmax of its logits.
        var probabilities = model.OutputName;
        if (model.OutputKind == OutputKind.Logits)
        {
            probabilities = editor.Fresh("threshold_softmax");
            editor.Graph.Node.Add(OnnxGraphEditor.Node("Softmax", [model.OutputName], probabilities, OnnxGraphEditor.Int("axis", -1)));
        }

        var column = editor.Fresh("positive_probability");
        editor.Graph.Node.Add(OnnxGraphEditor.Node("Gather", [probabilities, editor.Int64Scalar("positive_index", positive)], column, OnnxGraphEditor.Int("axis", 1)));
        var table = editor.Floats("group_thresholds", [thresholds.Length], thresholds);
        var threshold = editor.Fresh("row_threshold");
        editor.Graph.Node.Add(OnnxGraphEditor.Node("Gather", [table, GroupInput], threshold, OnnxGraphEditor.Int("axis", 0)));
        editor.Graph.Node.Add(OnnxGraphEditor.Node("Greater", [column, threshold], DecisionOutput));
        editor.Graph.Input.Add(OnnxGraphEditor.Tensor(GroupInput, TensorProto.Types.DataType.Int64, -1));
        editor.Graph.Output.Add(OnnxGraphEditor.Tensor(DecisionOutput, TensorProto.Types.DataType.Bool, -1));
        editor.Note("catinherit.thresholds.groups", string.Join("\t", names));
        editor.Note("catinherit.thresholds", string.Join("\t", thresholds.Select(t => t.ToString("R", CultureInfo.InvariantCulture))));
    }
}
