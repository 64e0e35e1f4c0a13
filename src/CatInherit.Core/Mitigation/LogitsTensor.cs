using CatInherit.Policy;

namespace CatInherit.Mitigation;

/// <summary>
/// Where a classifier's logits are: the tensor 'logits:' names, else the model's output when it holds logits, else the
/// input of the Softmax that produces its probabilities (through Identity nodes). A model that exposes probabilities
/// made any other way has no logits to scale or score: that is an error, never a silent softmax of probabilities.
/// </summary>
internal static class LogitsTensor
{
    /// <summary>
    /// The logits tensor (<see cref="Find"/>), the model that reads it (the model itself when it is its output) and the fit
    /// dataset's rows as that model sees them; null after a diagnostic.
    /// </summary>
    public static (string Tensor, ModelSpec Reading, FitRows Rows)? ReadFit(MitigationSpec mitigation, ModelSpec model, FitContext context, List<Diagnostic> diagnostics)
    {
        if (Find(mitigation, model, diagnostics) is not { } tensor)
        {
            return null;
        }

        var reading = tensor == model.OutputName && model.OutputKind == OutputKind.Logits ? model
            : context.Reading(model, tensor, OutputKind.Logits, diagnostics, mitigation.Values.LocationOf("logits"));
        return reading is not null && FitRows.Read(mitigation, reading, context, diagnostics) is { } rows ? (tensor, reading, rows) : null;
    }

    public static string? Find(MitigationSpec mitigation, ModelSpec model, List<Diagnostic> diagnostics)
    {
        if (mitigation.Values.GetString("logits") is { } named)
        {
            return named;
        }

        if (model.OutputKind == OutputKind.Logits)
        {
            return model.OutputName;
        }

        var (editor, problem) = OnnxGraphEditor.Load(model.Path);
        if (editor is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModel, model.Values.LocationOf("path"), $"model '{model.Name}' ({model.DisplayPath}) cannot be read as ONNX: {problem}"));
            return null;
        }

        var producer = editor.ProducerThroughIdentity(model.OutputName);
        if (producer is { OpType: "Softmax" })
        {
            return producer.Input[0];
        }

        var made = producer is null ? "is not computed by any node" : $"comes from a {producer.OpType} node, not a Softmax";
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoLogits, mitigation.Values.LocationOf("method"), $"mitigation '{mitigation.Id}': model '{model.Name}' exposes only probabilities ('{model.OutputName}', which {made}), so there are no logits to {(mitigation.Method == "abstain" ? "score" : "scale")}; export the model with its logits as an output (kind: logits) or name them with 'logits: <tensor>'"));
        return null;
    }
}
