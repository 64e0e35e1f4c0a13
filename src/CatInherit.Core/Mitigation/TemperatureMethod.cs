using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Mitigation;

/// <summary>temperature: fits T (or vector scaling) on the fit set's logits and inserts Div(logits, T) (or Mul, Add) after them.</summary>
internal sealed class TemperatureMethod : IMitigationMethod
{
    public MitigationMethodDescriptor Descriptor => MitigationMethods.Temperature;

    public FittedEdit? Fit(MitigationSpec mitigation, ModelSpec? model, FitContext context, List<Diagnostic> diagnostics)
    {
        if (LogitsTensor.ReadFit(mitigation, model!, context, diagnostics) is not ({ } tensor, _, { } rows))
        {
            return null;
        }

        var logits = rows.Logits();
        var labels = rows.Predictions.Labels;
        if (logits.All(row => row.All(v => v >= 0) && Math.Abs(row.Sum() - 1) < 1e-4))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoLogits, mitigation.Values.LocationOf("method"), $"mitigation '{mitigation.Id}': every row of '{tensor}' on the fit set is a probability distribution (non-negative, summing to 1), so it holds probabilities, not logits; dividing probabilities by T is not temperature scaling. Declare the output as kind: probabilities (its Softmax's input is then scaled) or name the logits with 'logits: <tensor>'"));
            return null;
        }

        var temperature = TemperatureFit.Fit(logits, labels);
        if (temperature.AtBound)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FitNotConverged, mitigation.Values.LocationOf("fit"), string.Create(CultureInfo.InvariantCulture, $"mitigation '{mitigation.Id}': the temperature did not converge inside [0.01, 100] (it ran to {temperature.Temperature:G4}); the fit set is separated perfectly or its labels disagree with every prediction, so no finite T fits it")));
            return null;
        }

        var summary = new JsonObject
        {
            ["tensor"] = tensor,
            ["fit_rows"] = rows.Predictions.Count,
            ["temperature"] = temperature.Temperature,
            ["nll_before"] = temperature.NllBefore,
            ["nll_after"] = temperature.Nll,
        };

        if (!mitigation.Values.Bool("vector"))
        {
            return new FittedEdit
            {
                Summary = summary,
                Edit = editor =>
                {
                    var t = editor.Floats("temperature", [], [temperature.Temperature]);
                    editor.InsertAfter(tensor, raw => [OnnxGraphEditor.Node("Div", [raw, t], tensor)]);
                    editor.Note("catinherit.temperature", temperature.Temperature.ToString("R", CultureInfo.InvariantCulture));
                },
            };
        }

        var vector = VectorScalingFit.Fit(logits, labels, temperature.Temperature);
        summary["scale"] = new JsonArray([.. vector.Scale.Select(v => JsonValue.Create(v))]);
        summary["bias"] = new JsonArray([.. vector.Bias.Select(v => JsonValue.Create(v))]);
        summary["nll_after"] = vector.Nll;
        var width = (long)vector.Scale.Length;
        return new FittedEdit
        {
            Summary = summary,
            Warnings = vector.Converged ? [] : ["vector scaling stopped on its iteration limit before its gradient vanished"],
            Edit = editor =>
            {
                var w = editor.Floats("vector_scale", [width], vector.Scale);
                var b = editor.Floats("vector_bias", [width], vector.Bias);
                var scaled = editor.Fresh("vector_scaled");
                editor.InsertAfter(tensor, raw => [OnnxGraphEditor.Node("Mul", [raw, w], scaled), OnnxGraphEditor.Node("Add", [scaled, b], tensor)]);
                editor.Note("catinherit.vector_scaling", "true");
            },
        };
    }
}
