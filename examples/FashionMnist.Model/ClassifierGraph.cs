using Google.Protobuf;
using Onnx;

namespace FashionMnist.Model;

/// <summary>pixels [N, 1, 28, 28] → Reshape [N, 784] → MatMul W [784, 10] → Add B → logits [N, 10].</summary>
internal static class ClassifierGraph
{
    public static void Write(SoftmaxClassifier model, string path)
    {
        var classes = model.Bias.Length;
        var d = model.Weights[0].Length;
        var graph = new GraphProto { Name = "fashion-mnist-softmax" };
        graph.Input.Add(Tensor("pixels", [-1, 1, 28, 28]));
        graph.Output.Add(Tensor("logits", [-1, classes]));
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
        var shape = new TensorProto { Name = "flat", DataType = (int)TensorProto.Types.DataType.Int64 };
        shape.Dims.Add(2);
        shape.Int64Data.AddRange([-1, d]);
        graph.Initializer.Add(shape);
        graph.Node.Add(Node("Reshape", ["pixels", "flat"], "x"));
        graph.Node.Add(Node("MatMul", ["x", "W"], "xw"));
        graph.Node.Add(Node("Add", ["xw", "B"], "logits"));
        var onnx = new ModelProto { IrVersion = 8, ProducerName = "CatInherit Fashion-MNIST example", Graph = graph };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        File.WriteAllBytes(path + ".tmp", onnx.ToByteArray());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static ValueInfoProto Tensor(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "batch" } : new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
    }

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }
}
