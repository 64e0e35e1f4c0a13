using Onnx;
using static CatInherit.OnnxGraphs.OnnxGraph;

namespace FashionMnist.Model;

/// <summary>pixels [N, 1, 28, 28] → Reshape [N, 784] → MatMul W [784, 10] → Add B → logits [N, 10].</summary>
internal static class ClassifierGraph
{
    public static void Write(SoftmaxClassifier model, string path)
    {
        var classes = model.Bias.Length;
        var d = model.Weights[0].Length;
        var graph = new GraphProto { Name = "fashion-mnist-softmax" };
        graph.Input.Add(Tensor("pixels", TensorProto.Types.DataType.Float, -1, 1, 28, 28));
        graph.Output.Add(Tensor("logits", TensorProto.Types.DataType.Float, -1, classes));
        var w = new float[d * classes];
        for (var j = 0; j < d; j++)
        {
            for (var c = 0; c < classes; c++)
            {
                w[(j * classes) + c] = model.Weights[c][j];
            }
        }

        graph.Initializer.Add(Floats("W", [d, classes], w));
        graph.Initializer.Add(Floats("B", [classes], model.Bias));
        graph.Initializer.Add(Int64s("flat", -1, d));
        graph.Node.Add(Node("Reshape", ["pixels", "flat"], "x"));
        graph.Node.Add(Node("MatMul", ["x", "W"], "xw"));
        graph.Node.Add(Node("Add", ["xw", "B"], "logits"));
        Save(graph, path, "CatInherit Fashion-MNIST example");
    }
}
