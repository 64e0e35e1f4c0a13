using CatInherit.Metrics;
using CatInherit.Mitigation;
using CatInherit.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using static CatInherit.OnnxGraphs.OnnxGraph;
using RunOptions = CatInherit.Settings.RunOptions;

namespace CatInherit.Tests.Mitigation;

/// <summary>
/// project on an encoder+head graph: the bias subspace is fitted on the pooled embedding of word pairs, inserted after
/// the pooling, and the head reads the projected embedding. Checked by running both graphs in ONNX Runtime.
/// </summary>
public sealed class ProjectionTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ProjectionTests()
    {
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
        folder.Write("d.csv", "text,label\nhe is here,1\nshe is here,0\nthe cat sat,1\n");
        Encoder(folder.File("model.onnx"));
    }

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// token features (id / 1000, sin id, cos id, sin 2·id), summed over the unmasked tokens into 'pooled' [batch, 4],
    /// then logits = pooled · W + B.
    /// </summary>
    private static void Encoder(string path)
    {
        var graph = new GraphProto { Name = "encoder-head" };
        graph.Input.Add(Tensor("input_ids", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Input.Add(Tensor("attention_mask", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Output.Add(Tensor("logits", TensorProto.Types.DataType.Float, -1, 2));
        graph.Output.Add(Tensor("pooled", TensorProto.Types.DataType.Float, -1, 4));
        graph.Initializer.Add(Floats("thousandth", [], [0.001f]));
        graph.Initializer.Add(Floats("two", [], [2]));
        graph.Initializer.Add(Int64s("axis1", 1));
        graph.Initializer.Add(Int64s("axis2", 2));
        graph.Initializer.Add(Floats("W", [4, 2], [1, -1, 0.5f, 2, -1, 0.25f, 3, 1]));
        graph.Initializer.Add(Floats("B", [2], [0.1f, -0.1f]));
        graph.Node.Add(Node("Cast", ["input_ids"], "ids", ToFloat()));
        graph.Node.Add(Node("Cast", ["attention_mask"], "mask", ToFloat()));
        graph.Node.Add(Node("Mul", ["ids", "thousandth"], "f0"));
        graph.Node.Add(Node("Sin", ["ids"], "f1"));
        graph.Node.Add(Node("Cos", ["ids"], "f2"));
        graph.Node.Add(Node("Mul", ["ids", "two"], "ids2"));
        graph.Node.Add(Node("Sin", ["ids2"], "f3"));
        foreach (var f in new[] { "f0", "f1", "f2", "f3" })
        {
            graph.Node.Add(Node("Mul", [f, "mask"], f + "m"));
            graph.Node.Add(Node("Unsqueeze", [f + "m", "axis2"], f + "u"));
        }

        graph.Node.Add(Node("Concat", ["f0u", "f1u", "f2u", "f3u"], "hidden", Int("axis", 2)));
        graph.Node.Add(Node("ReduceSum", ["hidden", "axis1"], "pooled", Int("keepdims", 0)));
        graph.Node.Add(Node("MatMul", ["pooled", "W"], "xw"));
        graph.Node.Add(Node("Add", ["xw", "B"], "logits"));
        Save(graph, path, "CatInherit tests");
    }

    private static (float[] Logits, float[] Pooled) Run(string model, long[] ids, int rows, int tokens)
    {
        using var session = new InferenceSession(model);
        using var results = session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [rows, tokens])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(ids.Select(_ => 1L).ToArray(), [rows, tokens])),
        ]);
        return ([.. results.First(r => r.Name == "logits").AsEnumerable<float>()], [.. results.First(r => r.Name == "pooled").AsEnumerable<float>()]);
    }

    private MitigationResult Mitigate(string mitigation)
    {
        var policy = folder.Write("catinherit.yaml", $$"""
            version: 1
            models:
              m:
                path: model.onnx
                provider: cpu
                inputs: { text: text, tokenizer: { vocab: vocab.txt } }
                output: { name: logits, kind: logits }
                cache: false
            datasets:
              d: { path: d.csv, label: label }
            checks:
              - id: accuracy
                kind: group-fairness
                dataset: d
                sensitive: label
                gate: { metric: worst_group_accuracy, min: 0 }
            mitigations:
            {{mitigation}}
            """);
        return Mitigator.Run(policy, folder.File("out"), new RunOptions { UseCache = false }, []);
    }

    [Fact]
    public void The_head_reads_the_embedding_with_the_bias_subspace_projected_out()
    {
        var result = Mitigate("  - { id: debiased, method: project, embedding: pooled, pairs: gender-terms, k: 2 }");
        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        var fit = result.Report!.Mitigations[0].Fits[0].Values;
        Assert.True(fit["pairs"]!.GetValue<int>() > 10);

        // U as the graph holds it (k × d, row-major), orthonormal.
        var written = folder.File("out/debiased.m.onnx");
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(written));
        var ut = model.Graph.Initializer.Single(i => i.Name.StartsWith("ci_bias_subspace_t", StringComparison.Ordinal));
        var raw = ut.RawData.ToByteArray();
        var flat = Enumerable.Range(0, raw.Length / 4).Select(i => (double)BitConverter.ToSingle(raw, i * 4)).ToArray();
        double[][] u = [flat[..4], flat[4..]];
        Assert.Equal(1, u[0].Sum(x => x * x), 1e-6);
        Assert.Equal(0, u[0].Zip(u[1]).Sum(p => p.First * p.Second), 1e-6);

        long[] ids = [101, 2002, 2003, 2182, 102, 101, 2016, 2003, 2182, 102, 101, 1996, 4937, 2938, 102];
        var (logits, pooled) = Run(folder.File("model.onnx"), ids, 3, 5);
        var (editedLogits, editedPooled) = Run(written, ids, 3, 5);
        double[] w = [1, -1, 0.5, 2, -1, 0.25, 3, 1];
        for (var r = 0; r < 3; r++)
        {
            var projected = BiasSubspace.Project(pooled.AsSpan(r * 4, 4).ToArray().Select(x => (double)x).ToArray(), u);
            for (var c = 0; c < 4; c++)
            {
                Assert.Equal(projected[c], editedPooled[(r * 4) + c], 1e-5);
            }

            for (var k = 0; k < 2; k++)
            {
                var expected = Enumerable.Range(0, 4).Sum(c => projected[c] * w[(c * 2) + k]) + (k == 0 ? 0.1 : -0.1);
                Assert.Equal(expected, editedLogits[(r * 2) + k], 1e-5);
            }
        }

        Assert.NotEqual(logits, editedLogits);
    }

    [Fact]
    public void Word_pairs_that_tokenize_to_nothing_are_an_error_at_the_pairs_key()
    {
        folder.Write("from.txt", "zzzqqqxxx\n\u2603\u2603\n");
        folder.Write("to.txt", "\u2603\u2603\nzzzqqqxxx\n");
        var result = Mitigate("  - { id: debiased, method: project, embedding: pooled, pairs: { from: from.txt, to: to.txt } }");
        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CAT0742", error.Code);
        Assert.True(error.Location.Line > 0);
    }
}
