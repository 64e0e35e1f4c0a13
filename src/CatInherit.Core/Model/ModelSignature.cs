using System.Globalization;
using CatInherit.Policy;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CatInherit.Model;

/// <summary>
/// Checks, before anything runs, that the model's real inputs and outputs fit what the policy feeds and
/// reads; a mismatch lists what the model actually has.
/// </summary>
internal static class ModelSignature
{
    public static readonly string[] TextInputs = ["input_ids", "attention_mask", "token_type_ids"];

    /// <summary>True when the open model fits the policy; otherwise adds one diagnostic per mismatch.</summary>
    public static bool Validate(OnnxModel model, ModelSpec spec, List<Diagnostic> diagnostics) =>
        Validate(OnnxSignature.Of(model.Inputs, model.Outputs), spec, diagnostics);

    /// <summary>True when the model's declared inputs and outputs fit the policy; otherwise adds one diagnostic per mismatch.</summary>
    public static bool Validate(OnnxSignature model, ModelSpec spec, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var inputs = model.Inputs;
        var listed = Describe(inputs);
        if (spec.TextColumn is not null)
        {
            var at = spec.Inputs.LocationOf("text");
            if (!inputs.ContainsKey("input_ids"))
            {
                var floatInput = inputs.FirstOrDefault(i => i.Value.ElementType == TensorElementType.Float).Key;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, floatInput is not null
                    ? $"the policy feeds tokenized text ('inputs.text'), but the model reads numbers (input '{floatInput}' is float32); use 'inputs.features'. The model's inputs: {listed}"
                    : $"the policy feeds tokenized text, which needs a model input named 'input_ids'. The model's inputs: {listed}"));
            }

            foreach (var (name, meta) in inputs)
            {
                if (!TextInputs.Contains(name))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, $"model input '{name}' would not be fed: a text model is fed only {string.Join(", ", TextInputs)}. The model's inputs: {listed}"));
                }
                else if (meta.ElementType != TensorElementType.Int64 || meta.Dimensions.Length != 2)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, $"model input '{name}' is {Describe(meta)}; token inputs must be int64 [batch, tokens]"));
                }
            }
        }
        else if (FeatureInput(model, spec, diagnostics) is { } input)
        {
            var meta = inputs[input];
            var at = spec.Inputs.LocationOf("features");
            var width = meta.Dimensions.Skip(1).Aggregate(1L, (a, d) => a * d);
            if (meta.ElementType != TensorElementType.Float || meta.Dimensions.Length < 2)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, meta.ElementType == TensorElementType.Int64 && input == "input_ids"
                    ? $"model input '{input}' takes token ids; feed it a text column with 'inputs.text' and a tokenizer"
                    : $"model input '{input}' is {Describe(meta)}; features are fed as float32 [batch, ...]"));
            }
            else if (meta.Dimensions.Skip(1).All(d => d > 0) && width != spec.FeatureColumns.Count)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, string.Create(CultureInfo.InvariantCulture, $"model input '{input}' is {Describe(meta)}, {width} values per row, but the policy lists {spec.FeatureColumns.Count} feature columns")));
            }
        }

        ValidateOutput(model, spec, diagnostics);
        return diagnostics.Count == before;
    }

    /// <summary>The input that receives features, or null after reporting why there is none.</summary>
    public static string? FeatureInput(OnnxModel model, ModelSpec spec, List<Diagnostic> diagnostics) =>
        FeatureInput(OnnxSignature.Of(model.Inputs, model.Outputs), spec, diagnostics);

    private static string? FeatureInput(OnnxSignature model, ModelSpec spec, List<Diagnostic> diagnostics)
    {
        var listed = Describe(model.Inputs);
        if (spec.FeatureInputName is { } named)
        {
            if (model.Inputs.ContainsKey(named))
            {
                return named;
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, spec.Inputs.LocationOf("name"), $"the model has no input '{named}'.{Suggestions.DidYouMean(named, model.Inputs.Keys)} The model's inputs: {listed}"));
            return null;
        }

        if (model.Inputs.Count == 1)
        {
            return model.Inputs.Keys.Single();
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, spec.Inputs.LocationOf("features"), $"the model has {model.Inputs.Count} inputs; name the one that receives the features with 'inputs.name'. The model's inputs: {listed}"));
        return null;
    }

    private static void ValidateOutput(OnnxSignature model, ModelSpec spec, List<Diagnostic> diagnostics)
    {
        var at = spec.Output.LocationOf("name");
        if (!model.Outputs.TryGetValue(spec.OutputName, out var meta))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, $"the model has no output '{spec.OutputName}'.{Suggestions.DidYouMean(spec.OutputName, model.Outputs.Keys)} The model's outputs: {Describe(model.Outputs)}"));
            return;
        }

        var rank = meta.Dimensions.Length;
        var ok = meta.ElementType == TensorElementType.Float && (spec.OutputKind == OutputKind.Embedding ? rank is 2 or 3 : rank == 2);
        if (!ok)
        {
            var expected = spec.OutputKind == OutputKind.Embedding ? "float32 [batch, dim] or [batch, tokens, dim]" : "float32 [batch, classes]";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, $"model output '{spec.OutputName}' is {Describe(meta)}; a '{spec.Output.GetString("kind")}' output must be {expected}"));
        }
    }

    private static string Describe(IReadOnlyDictionary<string, TensorSignature> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Key} ({Describe(n.Value)})"));

    private static string Describe(TensorSignature meta)
    {
        var type = meta.IsTensor ? meta.ElementType.ToString().ToLowerInvariant() : meta.TypeName;
        type = type switch
        {
            "float" => "float32",
            _ => type,
        };
        return $"{type} [{string.Join(", ", meta.Dimensions.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture)))}]";
    }
}
