using Google.Protobuf;
using Onnx;

namespace CatInherit.OnnxGraphs;

/// <summary>
/// Small helpers for writing ONNX graphs with OnnxSharp: the examples' model builders and the tests' tiny
/// models link this one file. Opset 13 forms throughout (axes as inputs).
/// </summary>
internal static class OnnxGraph
{
    public static NodeProto Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output + "_node" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>An int64-list attribute (axes, pads, sizes in older opsets).</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>The <c>to</c> attribute of a Cast to float32.</summary>
    public static AttributeProto ToFloat() => Int("to", (long)TensorProto.Types.DataType.Float);

    /// <summary>A float initializer; <paramref name="dims"/> empty for a scalar.</summary>
    public static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    /// <summary>A one-dimensional int64 initializer (axes, shapes).</summary>
    public static TensorProto Int64s(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    /// <summary>A scalar int64 initializer (a Gather index).</summary>
    public static TensorProto Int64Scalar(string name, long value)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.Add(value);
        return tensor;
    }

    /// <summary>A graph input or output; −1 is a symbolic dimension (the first is named "batch").</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d < 0
                ? new TensorShapeProto.Types.Dimension { DimParam = shape.Dim.Count == 0 ? "batch" : "d" + shape.Dim.Count }
                : new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }

    /// <summary>Wraps <paramref name="graph"/> in an opset-13 model and writes it atomically.</summary>
    public static string Save(GraphProto graph, string path, string producer)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = producer, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        Save(model, path);
        return path;
    }

    /// <summary>Writes a model to a temporary file, then moves it into place: never half-written.</summary>
    public static void Save(ModelProto model, string path)
    {
        using (var file = File.Create(path + ".tmp"))
        {
            model.WriteTo(file);
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }
}
