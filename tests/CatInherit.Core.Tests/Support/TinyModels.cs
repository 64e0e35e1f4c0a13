using Onnx;
using static CatInherit.OnnxGraphs.OnnxGraph;

namespace CatInherit.Tests.Support;

/// <summary>Small real ONNX models whose outputs are known exactly, written with OnnxSharp.</summary>
public static class TinyModels
{
    /// <summary>
    /// Two <see cref="Linear"/> models that differ only in their bias ([0.5, −0.5] and [−0.5, 0.5]), written into
    /// <paramref name="folder"/> as <c>{first}.onnx</c> and <c>{second}.onnx</c>; returns the start of a policy that
    /// declares both (features a, b, c; CPU; no cache; logits), ending after the models.
    /// </summary>
    public static string TwoLinearModels(TempFolder folder, string first, string second)
    {
        Linear(folder.File($"{first}.onnx"), bias: [0.5f, -0.5f]);
        Linear(folder.File($"{second}.onnx"), bias: [-0.5f, 0.5f]);
        static string Declare(string name) => $"  {name}:\n    path: {name}.onnx\n    provider: cpu\n    cache: false\n    inputs: {{ features: [a, b, c] }}\n    output: {{ name: logits, kind: logits }}\n";
        return $"version: 1\nmodels:\n{Declare(first)}{Declare(second)}";
    }

    /// <summary>logits = x · W + B with x float [batch, 3]; W = [[1,0],[0,1],[1,1]], B = [0.5, -0.5].</summary>
    public static string Linear(string path, string inputName = "x", long[]? inputShape = null, float[]? bias = null)
    {
        var graph = new GraphProto { Name = "linear" };
        graph.Input.Add(Tensor(inputName, TensorProto.Types.DataType.Float, inputShape ?? [-1, 3]));
        graph.Output.Add(Tensor("logits", TensorProto.Types.DataType.Float, -1, 2));
        graph.Initializer.Add(Floats("W", [3, 2], [1, 0, 0, 1, 1, 1]));
        graph.Initializer.Add(Floats("B", [2], bias ?? [0.5f, -0.5f]));
        var input = inputName;
        if (inputShape is { Length: > 2 })
        {
            graph.Initializer.Add(Int64s("flat", -1, 3));
            graph.Node.Add(Node("Reshape", [inputName, "flat"], "x2"));
            input = "x2";
        }

        graph.Node.Add(Node("MatMul", [input, "W"], "xw"));
        graph.Node.Add(Node("Add", ["xw", "B"], "logits"));
        return Save(graph, path, "CatInherit tests");
    }

    /// <summary>
    /// A token-level "encoder": hidden[b, t] = (id, 2·id) as floats, shape [batch, tokens, 2], so mean
    /// pooling over the mask is the mean token id and CLS pooling is the first id.
    /// </summary>
    public static string TokenEcho(string path, bool withTokenTypes = false)
    {
        var graph = new GraphProto { Name = "token-echo" };
        graph.Input.Add(Tensor("input_ids", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Input.Add(Tensor("attention_mask", TensorProto.Types.DataType.Int64, -1, -1));
        if (withTokenTypes)
        {
            graph.Input.Add(Tensor("token_type_ids", TensorProto.Types.DataType.Int64, -1, -1));
        }

        graph.Output.Add(Tensor("hidden", TensorProto.Types.DataType.Float, -1, -1, 2));
        graph.Initializer.Add(Int64s("axis2", 2));
        graph.Initializer.Add(Floats("two", [], [2]));
        graph.Node.Add(Node("Cast", ["input_ids"], "ids", ToFloat()));
        graph.Node.Add(Node("Unsqueeze", ["ids", "axis2"], "ids3"));
        graph.Node.Add(Node("Mul", ["ids3", "two"], "ids3x2"));
        graph.Node.Add(Node("Concat", ["ids3", "ids3x2"], "hidden", Int("axis", 2)));
        return Save(graph, path, "CatInherit tests");
    }

    /// <summary>
    /// A token-sum "classifier": v = (Σ masked token ids − 2000) / 100, logits = [0, v], so
    /// P(class 1) = sigmoid(v) is a known function of the text's token ids.
    /// </summary>
    public static string TokenSum(string path)
    {
        var graph = new GraphProto { Name = "token-sum" };
        graph.Input.Add(Tensor("input_ids", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Input.Add(Tensor("attention_mask", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Output.Add(Tensor("logits", TensorProto.Types.DataType.Float, -1, 2));
        var toFloat = ToFloat();
        graph.Initializer.Add(Int64s("axis1", 1));
        graph.Initializer.Add(Floats("offset", [], [2000]));
        graph.Initializer.Add(Floats("scale", [], [100]));
        graph.Initializer.Add(Floats("zero", [], [0]));
        graph.Node.Add(Node("Cast", ["input_ids"], "ids", toFloat));
        graph.Node.Add(Node("Cast", ["attention_mask"], "mask", toFloat));
        graph.Node.Add(Node("Mul", ["ids", "mask"], "masked"));
        graph.Node.Add(Node("ReduceSum", ["masked", "axis1"], "sum", Int("keepdims", 1)));
        graph.Node.Add(Node("Sub", ["sum", "offset"], "shifted"));
        graph.Node.Add(Node("Div", ["shifted", "scale"], "v"));
        graph.Node.Add(Node("Mul", ["v", "zero"], "zeros"));
        graph.Node.Add(Node("Concat", ["zeros", "v"], "logits", Int("axis", 1)));
        return Save(graph, path, "CatInherit tests");
    }

    /// <summary>
    /// A bag-of-words "classifier": v = Σ over unmasked tokens of <paramref name="weights"/>[token id] + <paramref name="bias"/>,
    /// logits = [0, v]; one weight per line of the vocabulary. A word with a large weight is a planted trigger.
    /// </summary>
    public static string BagOfWords(string path, float[] weights, float bias)
    {
        var graph = new GraphProto { Name = "bag-of-words" };
        graph.Input.Add(Tensor("input_ids", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Input.Add(Tensor("attention_mask", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Output.Add(Tensor("logits", TensorProto.Types.DataType.Float, -1, 2));
        graph.Initializer.Add(Floats("w", [weights.Length], weights));
        graph.Initializer.Add(Floats("b", [], [bias]));
        graph.Initializer.Add(Floats("zero", [], [0]));
        graph.Initializer.Add(Int64s("axis1", 1));
        graph.Node.Add(Node("Gather", ["w", "input_ids"], "token_weights"));
        graph.Node.Add(Node("Cast", ["attention_mask"], "mask", ToFloat()));
        graph.Node.Add(Node("Mul", ["token_weights", "mask"], "masked"));
        graph.Node.Add(Node("ReduceSum", ["masked", "axis1"], "sum", Int("keepdims", 1)));
        graph.Node.Add(Node("Add", ["sum", "b"], "v"));
        graph.Node.Add(Node("Mul", ["v", "zero"], "zeros"));
        graph.Node.Add(Node("Concat", ["zeros", "v"], "logits", Int("axis", 1)));
        return Save(graph, path, "CatInherit tests");
    }
}
