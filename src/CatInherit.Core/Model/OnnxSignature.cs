using Microsoft.ML.OnnxRuntime;

namespace CatInherit.Model;

/// <summary>
/// An ONNX model's inputs and outputs: read from an open session, or straight from the file's graph without
/// ONNX Runtime (<see cref="OnnxSignatureReader"/>), so validation can check a policy against a model it never runs.
/// </summary>
/// <param name="Inputs">Inputs a caller feeds (initializers excluded), in graph order.</param>
/// <param name="Outputs">Outputs, in graph order.</param>
internal sealed record OnnxSignature(IReadOnlyDictionary<string, TensorSignature> Inputs, IReadOnlyDictionary<string, TensorSignature> Outputs)
{
    /// <summary>The signature of an open session.</summary>
    public static OnnxSignature Of(IReadOnlyDictionary<string, NodeMetadata> inputs, IReadOnlyDictionary<string, NodeMetadata> outputs) =>
        new(Convert(inputs), Convert(outputs));

    private static Dictionary<string, TensorSignature> Convert(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        nodes.ToDictionary(n => n.Key, n => new TensorSignature(n.Value.IsTensor, n.Value.IsTensor ? n.Value.ElementDataType : default, [.. n.Value.Dimensions.Select(d => (long)d)], n.Value.OnnxValueType.ToString()));
}
