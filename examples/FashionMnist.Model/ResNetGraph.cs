using Google.Protobuf;
using Onnx;
using static CatInherit.OnnxGraphs.OnnxGraph;

namespace FashionMnist.Model;

/// <summary>
/// ResNet18 pretrained on ImageNet (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1: ResNetPreprocess.onnx and
/// ResNet18.onnx, a CNTK export) as one opset-13 graph with a linear head:
/// <c>pixels [N, 1, 28, 28] in [0, 1]</c> → bilinear resize to <c>size × size</c> → × 255, gray to three channels →
/// the published preprocessing (RGB → BGR, minus the ImageNet mean image, averaged down to <c>size</c>) → the published
/// backbone → <c>features [N, 512]</c> → the head → <c>logits [N, 10]</c>.
/// </summary>
/// <remarks>
/// What changes from the published files, and why: the batch dimension is symbolic (they fix it to 1); the backbone's last
/// pooling is GlobalAveragePool instead of a 7 × 7 AveragePool, which is the same at 224 × 224 (a 7 × 7 map) and lets smaller
/// inputs through; BatchNormalization loses its opset-8 <c>spatial</c> attribute (1, the only behaviour later opsets have);
/// the preprocessing's Split takes its sizes as an input (opset 13). At <c>size</c> 224 the graph computes exactly what the
/// published files compute (<see cref="ResNetFoundation"/> checks it on every build).
/// </remarks>
internal static class ResNetGraph
{
    public const string PixelsInput = "pixels";
    public const string FeaturesOutput = "features";
    public const string LogitsOutput = "logits";
    public const int Side = 28;

    /// <summary>Writes the graph; <paramref name="head"/> null writes the backbone alone (features only).</summary>
    public static void Write(string preprocessPath, string backbonePath, int size, SoftmaxClassifier? head, string targetPath)
    {
        var preprocess = ModelProto.Parser.ParseFrom(File.ReadAllBytes(preprocessPath)).Graph;
        var backbone = ModelProto.Parser.ParseFrom(File.ReadAllBytes(backbonePath)).Graph;
        var backboneInput = backbone.Input.Single(i => backbone.Initializer.All(t => t.Name != i.Name)).Name;
        var pooled = backbone.Output.Single().Name;

        var graph = new GraphProto { Name = "fashion-mnist-resnet18" };
        graph.Input.Add(Tensor(PixelsInput, TensorProto.Types.DataType.Float, -1, 1, Side, Side));

        // 28 × 28 gray in [0, 1] → size × size, 0–255, three equal channels (RGB): what an ImageNet model was trained on.
        // Resize to explicit sizes [batch, 1, size, size] (a float scale like 64 / 28 could round the size down).
        graph.Initializer.Add(Floats("ci_roi", [0], []));
        graph.Initializer.Add(Floats("ci_no_scales", [0], []));
        graph.Initializer.Add(Int64s("ci_zero", 0));
        graph.Initializer.Add(Int64s("ci_one", 1));
        graph.Initializer.Add(Int64s("ci_size", 1, size, size));
        graph.Initializer.Add(Floats("ci_255", [], [255]));
        graph.Node.Add(Node("Shape", [PixelsInput], "ci_shape"));
        graph.Node.Add(Node("Slice", ["ci_shape", "ci_zero", "ci_one"], "ci_batch"));
        graph.Node.Add(Node("Concat", ["ci_batch", "ci_size"], "ci_sizes", Int("axis", 0)));
        graph.Node.Add(Node("Resize", [PixelsInput, "ci_roi", "ci_no_scales", "ci_sizes"], "ci_resized", Text("mode", "linear"), Text("coordinate_transformation_mode", "half_pixel")));
        graph.Node.Add(Node("Mul", ["ci_resized", "ci_255"], "ci_gray255"));
        graph.Node.Add(Node("Concat", ["ci_gray255", "ci_gray255", "ci_gray255"], "OriginalInput", Int("axis", 1)));

        // The published preprocessing: split RGB, concatenate as BGR, subtract the mean image (averaged down to size).
        var mean = preprocess.Initializer.Single(t => t.Name == "MeanImage");
        graph.Initializer.Add(Floats("MeanImage", [1, 3, size, size], AverageDown(ValuesOf(mean), 224, size)));
        graph.Initializer.Add(Int64s("ci_split", 1, 1, 1));
        graph.Node.Add(Node("Split", ["OriginalInput", "ci_split"], "RInp", Int("axis", 1)));
        graph.Node[^1].Output.Add("GInp");
        graph.Node[^1].Output.Add("BInp");
        graph.Node.Add(Node("Concat", ["BInp", "GInp", "RInp"], "BGRInput", Int("axis", 1)));
        graph.Node.Add(Node("Sub", ["BGRInput", "MeanImage"], backboneInput));

        // The published backbone, made to take any batch and size.
        graph.Initializer.Add(backbone.Initializer);
        foreach (var node in backbone.Node)
        {
            var copy = node.Clone();
            if (copy.OpType == "BatchNormalization")
            {
                var spatial = copy.Attribute.Where(a => a.Name == "spatial").ToList();
                foreach (var attribute in spatial)
                {
                    copy.Attribute.Remove(attribute);
                }
            }

            if (copy.OpType == "AveragePool" && copy.Output.Single() == pooled)
            {
                copy = Node("GlobalAveragePool", [.. copy.Input], pooled);
            }

            graph.Node.Add(copy);
        }

        graph.Node.Add(Node("Flatten", [pooled], FeaturesOutput, Int("axis", 1)));
        if (head is not null)
        {
            var classes = head.Bias.Length;
            var d = head.Weights[0].Length;
            var w = new float[d * classes];
            for (var j = 0; j < d; j++)
            {
                for (var c = 0; c < classes; c++)
                {
                    w[(j * classes) + c] = head.Weights[c][j];
                }
            }

            graph.Initializer.Add(Floats("ci_head_w", [d, classes], w));
            graph.Initializer.Add(Floats("ci_head_b", [classes], head.Bias));
            graph.Node.Add(Node("MatMul", [FeaturesOutput, "ci_head_w"], "ci_head_xw"));
            graph.Node.Add(Node("Add", ["ci_head_xw", "ci_head_b"], LogitsOutput));
            graph.Output.Add(Tensor(LogitsOutput, TensorProto.Types.DataType.Float, -1, classes));
        }

        graph.Output.Add(Tensor(FeaturesOutput, TensorProto.Types.DataType.Float, -1, 512));
        Save(graph, targetPath, "CatInherit Fashion-MNIST example (ResNet18, ImageNet)");
    }

    /// <summary>
    /// Area-averages [1, 3, from, from] down to [1, 3, to, to]: each output pixel is the mean of the input pixels whose
    /// centres fall in its footprint (a block average when <paramref name="to"/> divides <paramref name="from"/>).
    /// </summary>
    public static float[] AverageDown(float[] image, int from, int to)
    {
        var result = new float[3 * to * to];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < to; y++)
            {
                for (var x = 0; x < to; x++)
                {
                    double sum = 0;
                    var count = 0;
                    for (var sy = 0; sy < from; sy++)
                    {
                        if ((sy + 0.5) * to / from < y || (sy + 0.5) * to / from >= y + 1)
                        {
                            continue;
                        }

                        for (var sx = 0; sx < from; sx++)
                        {
                            if ((sx + 0.5) * to / from >= x && (sx + 0.5) * to / from < x + 1)
                            {
                                sum += image[(c * from * from) + (sy * from) + sx];
                                count++;
                            }
                        }
                    }

                    result[(c * to * to) + (y * to) + x] = (float)(sum / count);
                }
            }
        }

        return result;
    }

    /// <summary>A float initializer's values (raw data or the float field).</summary>
    public static float[] ValuesOf(TensorProto tensor)
    {
        if (tensor.RawData.Length > 0)
        {
            var values = new float[tensor.RawData.Length / sizeof(float)];
            Buffer.BlockCopy(tensor.RawData.ToByteArray(), 0, values, 0, tensor.RawData.Length);
            return values;
        }

        return [.. tensor.FloatData];
    }

    private static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
}
