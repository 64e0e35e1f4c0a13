using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Model;

public sealed class InferenceEngineTests : IDisposable
{
    private static readonly string Vocab = Path.Combine(RepoPaths.SentimentModel, "vocab.txt");
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private ModelSpec Spec(string yaml)
    {
        File.Copy(Vocab, folder.File("vocab.txt"), overwrite: true);
        var (spec, diagnostics) = PolicyLoader.ParseModel(yaml, "model", folder.Path);
        Assert.Empty(diagnostics);
        return spec!;
    }

    private ModelSpec EchoSpec(string pooling = "mean", bool normalize = false, int batch = 2) => Spec($$"""
        path: echo.onnx
        batch_size: {{batch}}
        provider: cpu
        inputs: { text: text, tokenizer: { vocab: vocab.txt } }
        output: { name: hidden, kind: embedding, pooling: {{pooling}}, normalize: {{(normalize ? "true" : "false")}} }
        cache: false
        """);

    private static readonly string[] Texts = ["a much longer sentence with many words in it", "hi", "hello, world!", "the quick brown fox", "ok"];

    [Fact]
    public void Mean_pooling_averages_the_masked_tokens_and_rows_come_back_in_order()
    {
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        var tokenizer = TextTokenizer.Load(Vocab, true, 128);

        using var runner = ModelRunner.Open(EchoSpec());
        var outputs = runner.Run(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            var ids = tokenizer.Encode(Texts[i]);
            var mean = ids.Average();
            Assert.Equal(mean, outputs[i][0], 3);
            Assert.Equal(2 * mean, outputs[i][1], 3);
        }
    }

    [Fact]
    public void Cls_pooling_takes_the_first_token_and_normalize_gives_unit_vectors()
    {
        TinyModels.TokenEcho(folder.File("echo.onnx"), withTokenTypes: true);

        using var cls = ModelRunner.Open(EchoSpec(pooling: "cls"));
        using var unit = ModelRunner.Open(EchoSpec(normalize: true));

        Assert.All(cls.Run(Texts), row => Assert.Equal([101f, 202f], row));
        Assert.All(unit.Run(Texts), row =>
        {
            Assert.Equal(1 / Math.Sqrt(5), row[0], 6);
            Assert.Equal(2 / Math.Sqrt(5), row[1], 6);
        });
    }

    [Fact]
    public void Bucketed_and_fixed_padding_agree()
    {
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        var spec = EchoSpec(batch: 3);
        var diagnostics = new List<Diagnostic>();
        using var model = OnnxModel.Open(spec.Path, spec.DisplayPath, CatInherit.Policy.ExecutionProvider.Cpu, 0, default, diagnostics)!;
        var tokenizer = TextTokenizer.Load(Vocab, true, 128);
        var inputs = ModelInputs.FromTokens([.. Texts.Select(tokenizer.Encode)]);

        var bucketed = InferenceEngine.Run(model, spec, inputs, InferenceEngine.Padding.Bucketed);
        var fixedLength = InferenceEngine.Run(model, spec, inputs, InferenceEngine.Padding.Fixed);

        Assert.Equal(bucketed.Values, fixedLength.Values);
    }

    [Fact]
    public void The_real_encoder_pooled_by_the_engine_matches_the_pooling_written_into_the_graph()
    {
        // Two independent implementations of mean pooling + L2 normalisation: C# over last_hidden_state,
        // and ONNX operators inside sentiment.onnx (output sentence_embedding).
        var model = RepoPaths.SentimentModel;
        var engine = PolicyLoader.ParseModel("path: encoder.onnx\nprovider: cpu\ninputs: { text: text, tokenizer: { vocab: vocab.txt } }\noutput: { name: last_hidden_state, kind: embedding, pooling: mean, normalize: true }\ncache: false\n", "e", model).Model!;
        var graph = PolicyLoader.ParseModel("path: sentiment.onnx\nprovider: cpu\ninputs: { text: text, tokenizer: { vocab: vocab.txt } }\noutput: { name: sentence_embedding, kind: embedding }\ncache: false\n", "g", model).Model!;
        string[] texts = ["The food was great.", "Terrible service, never again!", "ok", "I would not recommend this phone to anyone who needs a battery that lasts a day."];

        using var a = ModelRunner.Open(engine);
        using var b = ModelRunner.Open(graph);
        var x = a.Run(texts);
        var y = b.Run(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(384, x[i].Length);
            for (var j = 0; j < 384; j++)
            {
                Assert.Equal(y[i][j], x[i][j], 5);
            }
        }
    }

    [Fact]
    public void Feature_models_run_in_batches_and_keep_row_order()
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        folder.Write("d.csv", "a,b,c,label,g\n1,0,0,0,x\n0,2,0,1,x\n0,0,1,0,y\n2,0,1,0,y\n0,3,0,1,y\n");
        // logits = [a + c + 0.5, b + c - 0.5] → argmax: row1 0, row2 1, row3 0, row4 0, row5 1.
        folder.Write("catinherit.yaml", """
            version: 1
            model:
              path: linear.onnx
              provider: cpu
              batch_size: 2
              inputs: { features: [a, b, c] }
              output: { name: logits, kind: logits }
              cache: false
            datasets:
              d: { path: d.csv, label: label }
            checks:
              - id: parity
                kind: group-fairness
                dataset: d
                sensitive: g
                resamples: 0
            """);

        var report = PolicyRunner.Run(folder.File("catinherit.yaml"), new RunOptions()).Report!;

        var groups = Assert.Single(report.Checks).Groups;
        Assert.Equal(0.5, groups[0].Metrics.Single(m => m.Name == "selection_rate").Value);
        Assert.Equal(1.0 / 3, groups[1].Metrics.Single(m => m.Name == "selection_rate").Value, 12);
        Assert.Equal(1.0, Assert.Single(report.Checks).Metrics.Single(m => m.Name == "accuracy").Value);
        Assert.Equal(OnnxModel.CpuProvider, report.Model!.Provider);
        Assert.Equal(64, report.Model.Sha256.Length);
    }

    [Fact]
    public void Image_shaped_inputs_keep_their_dimensions()
    {
        TinyModels.Linear(folder.File("image.onnx"), "pixels", [-1, 1, 1, 3]);
        var spec = Spec("path: image.onnx\nprovider: cpu\ninputs: { features: [a, b, c] }\noutput: { name: logits, kind: logits }\ncache: false\n");
        var diagnostics = new List<Diagnostic>();
        using var model = OnnxModel.Open(spec.Path, spec.DisplayPath, CatInherit.Policy.ExecutionProvider.Cpu, 0, default, diagnostics)!;

        Assert.True(ModelSignature.Validate(model, spec, diagnostics));
        var outputs = InferenceEngine.Run(model, spec, ModelInputs.FromFeatures([1, 2, 3, 0, 0, 0], 2, 3));

        Assert.Equal([4.5f, 4.5f, 0.5f, -0.5f], outputs.Values);
    }
}
