using CatInherit.Model;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Model;

/// <summary>Every way a model can fail to fit its policy is a CAT diagnostic, never an exception.</summary>
public sealed class ModelInputErrorsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ModelInputErrorsTests()
    {
        folder.Write("d.csv", "a,b,c,text,label,g\n1,0,0,hello,0,x\n0,1,0,world,1,y\n");
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
        TinyModels.Linear(folder.File("linear.onnx"));
        TinyModels.TokenEcho(folder.File("echo.onnx"));
    }

    public void Dispose() => folder.Dispose();

    private string[] Problems(string model, string provider = "cpu")
    {
        folder.Write("catinherit.yaml", $$"""
            version: 1
            model:
              provider: {{provider}}
            {{model}}
            datasets:
              d: { path: d.csv, label: label }
            checks:
              - { id: parity, kind: group-fairness, dataset: d, sensitive: g, resamples: 0 }
            """);
        var result = PolicyRunner.Run(folder.File("catinherit.yaml"), new RunOptions { UseCache = false });
        Assert.Null(result.Report);
        return [.. result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty))];
    }

    private const string FeaturesIn = "  inputs: { features: [a, b, c] }\n  output: { name: logits, kind: logits }";
    private const string TextIn = "  inputs: { text: text, tokenizer: { vocab: vocab.txt } }\n  output: { name: logits, kind: logits }";

    [Fact]
    public void A_corrupt_model_file_is_invalid_input()
    {
        folder.Write("bad.onnx", "this is not a protobuf");

        var problem = Assert.Single(Problems("  path: bad.onnx\n" + FeaturesIn));

        Assert.StartsWith("catinherit.yaml(4,9): error CAT0110: model file 'bad.onnx' is not a valid ONNX model: ", problem);
    }

    [Fact]
    public void A_missing_model_file_is_reported_at_its_path()
    {
        var problem = Assert.Single(Problems("  path: nope.onnx\n" + FeaturesIn));

        Assert.StartsWith("catinherit.yaml(4,9): error CAT0100: model file 'nope.onnx' not found", problem);
    }

    [Fact]
    public void Text_fed_to_a_numeric_model_lists_the_models_inputs()
    {
        var problems = Problems("  path: linear.onnx\n" + TextIn);

        Assert.Contains(problems, p => p.EndsWith("error CAT0113: the policy feeds tokenized text ('inputs.text'), but the model reads numbers (input 'x' is float32); use 'inputs.features'. The model's inputs: x (float32 [?, 3])", StringComparison.Ordinal));
    }

    [Fact]
    public void Features_fed_to_a_token_model_are_rejected()
    {
        var problems = Problems("  path: echo.onnx\n  inputs: { features: [a, b, c], name: input_ids }\n  output: { name: hidden, kind: logits }");

        Assert.Contains(problems, p => p.EndsWith("error CAT0113: model input 'input_ids' takes token ids; feed it a text column with 'inputs.text' and a tokenizer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_output_name_gets_a_suggestion_and_wrong_rank_is_explained()
    {
        var name = Problems("  path: linear.onnx\n  inputs: { features: [a, b, c] }\n  output: { name: logit, kind: logits }");
        var rank = Problems("  path: echo.onnx\n  inputs: { text: text, tokenizer: { vocab: vocab.txt } }\n  output: { name: hidden, kind: logits }");

        Assert.Equal(["catinherit.yaml(6,19): error CAT0113: the model has no output 'logit'. Did you mean 'logits'? The model's outputs: logits (float32 [?, 2])"], name);
        Assert.Equal(["catinherit.yaml(6,19): error CAT0113: model output 'hidden' is float32 [?, ?, 2]; a 'logits' output must be float32 [batch, classes]"], rank);
    }

    [Fact]
    public void A_feature_count_that_does_not_fit_the_input_is_reported()
    {
        var problems = Problems("  path: linear.onnx\n  inputs: { features: [a, b] }\n  output: { name: logits, kind: logits }");

        Assert.Equal(["catinherit.yaml(5,23): error CAT0113: model input 'x' is float32 [?, 3], 3 values per row, but the policy lists 2 feature columns"], problems);
    }

    [Fact]
    public void A_missing_or_unreadable_vocabulary_is_invalid_input()
    {
        var missing = Problems("  path: echo.onnx\n  inputs: { text: text, tokenizer: { vocab: none.txt } }\n  output: { name: hidden, kind: embedding }");
        folder.Write("empty.txt", string.Empty);
        var empty = Problems("  path: echo.onnx\n  inputs: { text: text, tokenizer: { vocab: empty.txt } }\n  output: { name: hidden, kind: logits }");

        Assert.Contains(missing, p => p.Contains("error CAT0100: tokenizer vocabulary 'none.txt' not found", StringComparison.Ordinal));
        Assert.Contains(empty, p => p.Contains("error CAT0114: the tokenizer vocabulary cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void An_embedding_model_cannot_feed_a_check_that_needs_predictions()
    {
        var problems = Problems("  path: echo.onnx\n  inputs: { text: text, tokenizer: { vocab: vocab.txt } }\n  output: { name: hidden, kind: embedding }");

        Assert.Equal(["catinherit.yaml(10,50): error CAT0115: check 'parity' needs class predictions, but the model's output 'hidden' is an embedding; point the model at a classifier output (kind: logits or probabilities) or give dataset 'd' a 'prediction' column"], problems);
    }

    [Fact]
    public void Cuda_requested_where_it_cannot_load_is_invalid_input_and_auto_falls_back()
    {
        var probe = new List<CatInherit.Policy.Diagnostic>();
        using (var auto = OnnxModel.Open(folder.File("linear.onnx"), "linear.onnx", CatInherit.Policy.ExecutionProvider.Auto, 0, default, probe))
        {
            if (auto!.Provider == OnnxModel.CudaProvider)
            {
                return; // A machine where CUDA loads: the fallback cannot be observed here (the GPU check covers CUDA).
            }

            Assert.Equal(OnnxModel.CpuProvider, auto.Provider);
            Assert.StartsWith("CUDA unavailable (", auto.ProviderNote);
        }

        var problem = Assert.Single(Problems("  path: linear.onnx\n" + FeaturesIn, provider: "cuda"));
        Assert.Contains("(4,9): error CAT0112: provider 'cuda' was requested but CUDA cannot be used: ", problem);
    }
}
