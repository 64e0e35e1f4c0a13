using CatInherit.Policy;
using Google.Protobuf;
using Onnx;

namespace CatInherit.Mitigation;

/// <summary>
/// Edits an ONNX graph in place: inserts nodes after a tensor (the tensor's producer writes a renamed copy and the new
/// nodes write the original name, so every consumer and graph output reads the edited value and the signature keeps
/// its names), adds initializers, inputs and outputs, and saves the model atomically.
/// </summary>
internal sealed class OnnxGraphEditor
{
    private readonly ModelProto model;
    private int counter;

    private OnnxGraphEditor(ModelProto model) => this.model = model;

    public GraphProto Graph => model.Graph;

    /// <summary>The opset of the default ONNX domain.</summary>
    public long Opset => model.OpsetImport.Where(o => string.IsNullOrEmpty(o.Domain) || o.Domain == "ai.onnx").Select(o => o.Version).DefaultIfEmpty(1).Max();

    /// <summary>Reads a model; the reason when the file is not a readable ONNX model.</summary>
    public static (OnnxGraphEditor? Editor, string? Problem) Load(string path)
    {
        try
        {
            var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
            return model.Graph is null ? (null, "the file has no ONNX graph") : (new OnnxGraphEditor(model), null);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or IOException or UnauthorizedAccessException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The node that writes <paramref name="tensor"/>, or null for a graph input, an initializer or an unknown name.</summary>
    public NodeProto? Producer(string tensor) => Graph.Node.FirstOrDefault(n => n.Output.Contains(tensor));

    /// <summary>The node that writes <paramref name="tensor"/>, looking through Identity nodes.</summary>
    public NodeProto? ProducerThroughIdentity(string tensor)
    {
        var node = Producer(tensor);
        while (node is { OpType: "Identity" })
        {
            node = Producer(node.Input[0]);
        }

        return node;
    }

    /// <summary>Whether any node, input, output or initializer uses the name.</summary>
    public bool Uses(string name) =>
        Graph.Node.Any(n => n.Output.Contains(name) || n.Input.Contains(name)) || Graph.Input.Any(i => i.Name == name) || Graph.Output.Any(o => o.Name == name) || Graph.Initializer.Any(i => i.Name == name);

    /// <summary>A name not yet used in the graph, starting with <paramref name="stem"/>.</summary>
    public string Fresh(string stem)
    {
        var name = $"ci_{stem}";
        while (Uses(name))
        {
            name = $"ci_{stem}_{++counter}";
        }

        return name;
    }

    /// <summary>
    /// Makes <paramref name="tensor"/>'s producer write a fresh name (returned) instead, so the nodes that
    /// <paramref name="build"/> adds can write <paramref name="tensor"/> from it. A tensor no node writes (a graph
    /// input, an initializer) cannot be edited this way: <see cref="InvalidInputException"/> says so.
    /// </summary>
    public string InsertAfter(string tensor, Func<string, IEnumerable<NodeProto>> build)
    {
        var producer = Producer(tensor) ?? throw new InvalidInputException([Diagnostic.Error(DiagnosticCodes.GraphEdit, default, $"the graph has no node that writes '{tensor}' (it is a graph input, an initializer or no tensor at all), so nothing can be inserted after it")]);

        var raw = Fresh(tensor.Replace('/', '_').Replace(':', '_') + "_before");
        producer.Output[producer.Output.IndexOf(tensor)] = raw;
        var index = Graph.Node.IndexOf(producer);
        var added = build(raw).ToList();
        for (var i = 0; i < added.Count; i++)
        {
            Graph.Node.Insert(index + 1 + i, added[i]);
        }

        return raw;
    }

    /// <summary>A node; its name is "ci_" + its output + "_node" (outputs are unique, and the prefix keeps clear of the original graph's names).</summary>
    public static NodeProto Node(string op, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = "ci_" + output + "_node" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>Adds a float32 initializer (a scalar when <paramref name="dims"/> is empty) and returns its name.</summary>
    public string Floats(string stem, long[] dims, IReadOnlyList<double> values)
    {
        var name = Fresh(stem);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        var bytes = new byte[values.Count * sizeof(float)];
        for (var i = 0; i < values.Count; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), (float)values[i]);
        }

        tensor.RawData = ByteString.CopyFrom(bytes);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a one-dimensional int64 initializer (axes, indices) and returns its name.</summary>
    public string Int64s(string stem, params long[] values)
    {
        var name = Fresh(stem);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a scalar int64 initializer (an index that drops its axis in a Gather) and returns its name.</summary>
    public string Int64Scalar(string stem, long value)
    {
        var name = Fresh(stem);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.Add(value);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A reduction over the last axis with keepdims, in the form the model's opset expects (axes as an input from opset 18 on; 13 for ReduceSum).</summary>
    public NodeProto ReduceLast(string op, string input, string output, bool keepDims = true)
    {
        var axesAsInput = op == "ReduceSum" ? Opset >= 13 : Opset >= 18;
        return axesAsInput
            ? Node(op, [input, Int64s("axes_last", -1)], output, Int("keepdims", keepDims ? 1 : 0))
            : Node(op, [input], output, Ints("axes", -1), Int("keepdims", keepDims ? 1 : 0));
    }

    /// <summary>A graph input or output; a negative dimension is symbolic (the first is "batch").</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = shape.Dim.Count == 0 ? "batch" : $"d{shape.Dim.Count}" } : new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }

    /// <summary>The declared type of a graph output (or value_info entry), when the graph declares one.</summary>
    public ValueInfoProto? Declared(string tensor) =>
        Graph.Output.FirstOrDefault(o => o.Name == tensor) ?? Graph.ValueInfo.FirstOrDefault(v => v.Name == tensor) ?? Graph.Input.FirstOrDefault(i => i.Name == tensor);

    /// <summary>Adds <paramref name="tensor"/> to the graph outputs (float32, shape unknown when undeclared), so a session can read it.</summary>
    public void Expose(string tensor)
    {
        if (Graph.Output.Any(o => o.Name == tensor))
        {
            return;
        }

        Graph.Output.Add(Declared(tensor)?.Clone() ?? new ValueInfoProto { Name = tensor, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } });
    }

    /// <summary>Records what was done in the model's metadata (kept by ONNX Runtime and every ONNX tool).</summary>
    public void Note(string key, string value)
    {
        model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        model.ProducerName = "CatInherit mitigate";
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then moves it into place: never half-written.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            model.WriteTo(file);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
