using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using Onnx;

namespace CatInherit.Mitigation;

/// <summary>
/// abstain: scores the fit set's rows (msp or energy, "higher = more in-distribution"), sets the threshold that keeps
/// <c>tpr</c> of them, and adds a boolean output <c>abstain</c> = score &lt; threshold, computed from the (final) logits.
/// </summary>
internal sealed class AbstainMethod : IMitigationMethod
{
    /// <summary>The output the graph gains.</summary>
    public const string Output = "abstain";

    public MitigationMethodDescriptor Descriptor => MitigationMethods.Abstain;

    /// <summary>The abstention score of one row of logits, as the graph computes it.</summary>
    public static double Score(string score, double temperature, double[] logits) =>
        score == "energy" ? AbstainThreshold.Energy(logits, temperature) : AbstainThreshold.Msp(logits);

    public FittedEdit? Fit(MitigationSpec mitigation, ModelSpec? model, FitContext context, List<Diagnostic> diagnostics)
    {
        if (LogitsTensor.ReadFit(mitigation, model!, context, diagnostics) is not ({ } tensor, { } reading, { } rows))
        {
            return null;
        }

        var score = mitigation.Values.String("score");
        var temperature = mitigation.Values.Double("temperature");
        var tpr = mitigation.Values.Double("tpr");
        var scores = rows.Logits().Select(l => Score(score, temperature, l)).ToArray();
        if (scores.Distinct().Count() < 2)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FitNotConverged, mitigation.Values.LocationOf("fit"), $"mitigation '{mitigation.Id}': every row of the fit set has the same {score} score, so no threshold separates anything"));
            return null;
        }

        var threshold = AbstainThreshold.Fit(scores, tpr);
        var accepted = scores.Count(s => s >= threshold);
        return new FittedEdit
        {
            Summary = new JsonObject
            {
                ["tensor"] = tensor,
                ["score"] = score,
                ["tpr"] = tpr,
                ["threshold"] = threshold,
                ["fit_rows"] = scores.Length,
                ["fit_accept_rate"] = (double)accepted / scores.Length,
            },
            Reading = reading,
            Accepts = logits => Score(score, temperature, logits) >= threshold,
            Edit = editor => Write(editor, tensor, score, temperature, threshold),
        };
    }

    private static void Write(OnnxGraphEditor editor, string logits, string score, double temperature, double threshold)
    {
        if (editor.Uses(Output))
        {
            throw new InvalidInputException([Diagnostic.Error(DiagnosticCodes.GraphEdit, default, $"the graph already has a tensor named '{Output}'; the abstention output needs that name")]);
        }

        var value = editor.Fresh("abstain_score");
        if (score == "energy")
        {
            var t = editor.Floats("energy_temperature", [], [temperature]);
            var scaled = editor.Fresh("energy_scaled");
            var lse = editor.Fresh("energy_lse");
            editor.Graph.Node.Add(OnnxGraphEditor.Node("Div", [logits, t], scaled));
            editor.Graph.Node.Add(editor.ReduceLast("ReduceLogSumExp", scaled, lse, keepDims: false));
            editor.Graph.Node.Add(OnnxGraphEditor.Node("Mul", [lse, t], value));
        }
        else
        {
            var probabilities = editor.Fresh("msp_softmax");
            editor.Graph.Node.Add(OnnxGraphEditor.Node("Softmax", [logits], probabilities, OnnxGraphEditor.Int("axis", -1)));
            editor.Graph.Node.Add(editor.ReduceLast("ReduceMax", probabilities, value, keepDims: false));
        }

        var bound = editor.Floats("abstain_threshold", [], [threshold]);
        editor.Graph.Node.Add(OnnxGraphEditor.Node("Less", [value, bound], Output));
        editor.Graph.Output.Add(OnnxGraphEditor.Tensor(Output, TensorProto.Types.DataType.Bool, -1));
        editor.Note("catinherit.abstain", string.Create(CultureInfo.InvariantCulture, $"{score} < {threshold:R}"));
    }
}
