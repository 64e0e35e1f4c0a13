using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

/// <summary>
/// Bad input to trigger-scan, perturbation and adversarial: each is a CAT error at the policy's line and column.
/// What needs no data is a load-time rule, so <c>validate</c> (and the build) report exactly what <c>check</c> stops on.
/// </summary>
public sealed class SecurityProbeInputTests : IDisposable
{
    private readonly TempFolder folder = new();

    public SecurityProbeInputTests()
    {
        folder.Write("p.csv", "y,text,a,b,c\n1,good,0.1,0.2,0.3\n0,bad,0.4,0.5,0.6\n");
        folder.Write("bad.tsv", "# correct<TAB>misspelt\nreceive recieve\n");
        TinyModels.TokenSum(folder.File("sum.onnx"));
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        TinyModels.Linear(folder.File("lin.onnx"));
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
    }

    public void Dispose() => folder.Dispose();

    private const string Models = """
        models:
          text:
            path: sum.onnx
            inputs: { text: text, tokenizer: { vocab: vocab.txt } }
            output: { name: logits, kind: logits }
          encoder:
            path: echo.onnx
            inputs: { text: text, tokenizer: { vocab: vocab.txt } }
            output: { name: hidden, kind: embedding }
          numeric:
            path: lin.onnx
            inputs: { features: [a, b, c] }
            output: { name: logits, kind: logits }
        datasets:
          d: { path: p.csv, label: y, model: text }
          named: { path: p.csv, label: y, model: text, classes: [negative, positive] }
          rows: { path: p.csv, label: y, model: numeric }
        checks:

        """;

    public static TheoryData<string, string> BadChecks => new()
    {
        { "  - { id: c, kind: trigger-scan, dataset: d, triggers: [] }", "(20,56): error CAT0013: 'triggers' in check 'c' is an empty list" },
        { "  - { id: c, kind: trigger-scan, dataset: d, builtin_triggers: false }", "(20,64): error CAT0011: check 'c' has no candidate trigger" },
        { "  - { id: c, kind: trigger-scan, dataset: d, triggers: [\"--\"] }", "(20,57): error CAT0013: check 'c': trigger '--' has no letter or digit" },
        { "  - { id: c, kind: trigger-scan, dataset: d, targets: [positive] }", "(20,56): error CAT0027: check 'c': 'positive' is not a class: without 'classes' on the dataset" },
        { "  - { id: c, kind: trigger-scan, dataset: named, targets: [positiv] }", "(20,60): error CAT0027: check 'c': 'positiv' is not a class of dataset 'named'. Did you mean 'positive'? Classes: negative, positive" },
        { "  - { id: c, kind: perturbation, dataset: d, positive_label: good }", "(20,62): error CAT0027: check 'c': 'good' is not a class" },
        { "  - { id: c, kind: adversarial, dataset: d, max_words: 0 }", "(20,56): error CAT0015: check 'c': 'max_words' is 0" },
        { "  - { id: c, kind: adversarial, dataset: d, max_words: 1.5 }", "(20,56): error CAT0015: 'max_words' in check 'c' must be between 0 and 1; found 1.5" },
        { "  - { id: c, kind: adversarial, dataset: d, max_queries: 0 }", "(20,58): error CAT0015: 'max_queries' in check 'c' must be between 1 and 1000000; found 0" },
        { "  - { id: c, kind: adversarial, dataset: rows, epsilon: 0 }", "(20,57): error CAT0015: check 'c': 'epsilon' is 0, so the attack may change nothing" },
        { "  - { id: c, kind: adversarial, dataset: rows }", "(20,5): error CAT0011: check 'c' attacks a model that reads numeric features; give its L2 budget" },
        { "  - { id: c, kind: adversarial, dataset: d, epsilon: 0.5 }", "(20,54): error CAT0013: check 'c': 'epsilon' applies to numeric inputs, but model 'text' reads text" },
        { "  - { id: c, kind: adversarial, dataset: d, model: encoder }", "(20,52): error CAT0115: check 'c' attacks a model and reads class scores, but model 'encoder' outputs an embedding ('hidden')" },
        { "  - { id: c, kind: perturbation, dataset: d, synonyms: nope.tsv }", "(20,56): error CAT0100: check 'c': word list 'nope.tsv' not found" },
        { "  - { id: c, kind: adversarial, dataset: d, misspellings: bad.tsv }", "(20,59): error CAT0013: check 'c': line 1 of the misspelling list is not 'correct<TAB>misspelt'" },
        { "  - { id: c, kind: trigger-scan, dataset: rows }", "(20,5): error CAT0115: check 'c' inserts trigger words into texts and edits text, but model 'numeric' reads numeric features" },
    };

    [Theory]
    [MemberData(nameof(BadChecks))]
    public void Validate_and_check_report_the_same_error_at_its_line(string check, string expected)
    {
        var path = folder.Write("catinherit.yaml", "version: 1\n" + Models + check + "\n");

        var validated = PolicyValidator.Validate(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        var ran = PolicyRun.RunFile(path);

        Assert.Null(ran.Report);
        Assert.True(validated.Any(d => d.StartsWith(path + expected, StringComparison.Ordinal)), string.Join("\n", validated));
        Assert.Equal(validated, ran.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
    }

    [Fact]
    public void A_target_class_beyond_the_model_outputs_is_reported_by_check_at_its_line()
    {
        // Without declared classes the classes are the model's output indices; its width is known when it runs.
        var path = folder.Write("catinherit.yaml", "version: 1\n" + Models + "  - { id: c, kind: trigger-scan, dataset: d, targets: [1, 7], samples: 2, random_words: 5 }\n");

        Assert.DoesNotContain(PolicyValidator.Validate(path).Diagnostics, d => d.IsError);
        var ran = PolicyRun.RunFile(path);

        Assert.Null(ran.Report);
        var error = Assert.Single(ran.Diagnostics, d => d.IsError);
        Assert.Equal($"{path}(20,59): error CAT0027: check 'c': '7' is not one of the classes [0, 1] of model 'text'", error.ToString());
    }
}
