using Onnx;
using static CatInherit.OnnxGraphs.OnnxGraph;

namespace Sentiment.Model;

/// <summary>
/// Appends to an encoder's graph what its published sentence embedding does in Python — mean pooling over the
/// attention mask (all-MiniLM-L6-v2) or the first (CLS) token's vector (snowflake-arctic-embed-xs), then L2
/// normalisation — and the logistic head, so token ids go in and logits come out of one ONNX model. Opset 13 forms
/// (axes as inputs) match the exports.
/// </summary>
internal static class SentimentGraph
{
    public const string EmbeddingOutput = "sentence_embedding";
    public const string LogitsOutput = "logits";

    public static void Write(string encoderPath, LogisticHead head, string targetPath, string pooling = "mean")
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(encoderPath));
        var graph = model.Graph;
        var hidden = graph.Output.Single(o => o.Name == "last_hidden_state").Name;
        var dim = head.Weights.Length;

        graph.Initializer.Add(Int64s("ci_axis1", 1));
        graph.Initializer.Add(Int64s("ci_axis2", 2));
        graph.Initializer.Add(Floats("ci_eps_count", [], [1e-9f]));
        graph.Initializer.Add(Floats("ci_eps_norm", [], [1e-12f]));

        // Two logits [-z/2, z/2]: their softmax is exactly the logistic head's sigmoid(z).
        var w = new float[dim * 2];
        for (var j = 0; j < dim; j++)
        {
            w[j * 2] = (float)(-head.Weights[j] / 2);
            w[(j * 2) + 1] = (float)(head.Weights[j] / 2);
        }

        graph.Initializer.Add(Floats("ci_head_w", [dim, 2], w));
        graph.Initializer.Add(Floats("ci_head_b", [2], [(float)(-head.Bias / 2), (float)(head.Bias / 2)]));

        // Opset 13 takes axes as inputs, earlier opsets (the arctic export is opset 11) as attributes.
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Max(o => o.Version);
        if (pooling == "cls")
        {
            // The first token's vector: Gather index 0 along the token axis ([batch, tokens, dim] → [batch, dim]).
            graph.Initializer.Add(Int64Scalar("ci_first", 0));
            graph.Node.Add(Node("Gather", [hidden, "ci_first"], "ci_mean", Int("axis", 1)));
        }
        else if (opset < 13)
        {
            throw new NotSupportedException($"Mean pooling is written in opset-13 form; {encoderPath} is opset {opset}.");
        }
        else
        {
            graph.Node.Add(Node("Cast", ["attention_mask"], "ci_mask", ToFloat()));
            graph.Node.Add(Node("Unsqueeze", ["ci_mask", "ci_axis2"], "ci_mask3"));
            graph.Node.Add(Node("Mul", [hidden, "ci_mask3"], "ci_masked"));
            graph.Node.Add(Node("ReduceSum", ["ci_masked", "ci_axis1"], "ci_sum", Int("keepdims", 0)));
            graph.Node.Add(Node("ReduceSum", ["ci_mask3", "ci_axis1"], "ci_count", Int("keepdims", 0)));
            graph.Node.Add(Node("Max", ["ci_count", "ci_eps_count"], "ci_count_safe"));
            graph.Node.Add(Node("Div", ["ci_sum", "ci_count_safe"], "ci_mean"));
        }

        graph.Node.Add(Node("Mul", ["ci_mean", "ci_mean"], "ci_square"));
        graph.Node.Add(opset >= 13
            ? Node("ReduceSum", ["ci_square", "ci_axis1"], "ci_sumsq", Int("keepdims", 1))
            : Node("ReduceSum", ["ci_square"], "ci_sumsq", Int("keepdims", 1), Ints("axes", 1)));
        graph.Node.Add(Node("Sqrt", ["ci_sumsq"], "ci_norm"));
        graph.Node.Add(Node("Max", ["ci_norm", "ci_eps_norm"], "ci_norm_safe"));
        graph.Node.Add(Node("Div", ["ci_mean", "ci_norm_safe"], EmbeddingOutput));
        graph.Node.Add(Node("MatMul", [EmbeddingOutput, "ci_head_w"], "ci_matmul"));
        graph.Node.Add(Node("Add", ["ci_matmul", "ci_head_b"], LogitsOutput));

        graph.Output.Clear();
        graph.Output.Add(Tensor(LogitsOutput, TensorProto.Types.DataType.Float, -1, 2));
        graph.Output.Add(Tensor(EmbeddingOutput, TensorProto.Types.DataType.Float, -1, dim));
        model.ProducerName = "CatInherit Sentiment example";
        Save(model, targetPath);
    }
}
