using Microsoft.ML.OnnxRuntime.Tensors;

namespace CatInherit.Model;

/// <summary>One input or output of an ONNX model as its graph declares it.</summary>
/// <param name="IsTensor">False for sequences, maps and other non-tensor values.</param>
/// <param name="ElementType">The tensor's element type (ONNX's numbering, shared by ONNX Runtime).</param>
/// <param name="Dimensions">The shape; -1 for a symbolic or unknown dimension.</param>
/// <param name="TypeName">What a non-tensor value is, for messages (e.g. <c>Sequence</c>).</param>
internal sealed record TensorSignature(bool IsTensor, TensorElementType ElementType, long[] Dimensions, string TypeName = "Tensor");
