using System.Text.Json;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Settings;
using CatInherit.Tests.Support;
using Onnx;
using static CatInherit.OnnxGraphs.OnnxGraph;

namespace CatInherit.Tests.Model;

/// <summary>
/// tokenizer.json files of the three model families give exactly the ids Hugging Face's own tokenizers library gives
/// (Fixtures/tokenizers/references.json, made by make_tokenizer_fixtures.mjs from published vocabularies: BERT's uncased
/// WordPiece, GPT-2's byte-level BPE with GPT-2's and RoBERTa's conventions, and a SentencePiece Unigram model whose
/// references SentencePiece itself confirms). Truncation and padding come from the files.
/// </summary>
public sealed class HuggingFaceTokenizerTests
{
    private static readonly JsonElement References = Fixture.Load(Path.Combine("tokenizers", "references.json"));

    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var file in new[] { "wordpiece.json", "gpt2.json", "roberta.json", "unigram.json" })
            {
                for (var i = 0; i < References.GetProperty("sentences").GetArrayLength(); i++)
                {
                    data.Add(file, i);
                }
            }

            return data;
        }
    }

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers", file);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_sentence_gets_the_reference_ids(string file, int sentence)
    {
        var text = References.GetProperty("sentences")[sentence].GetString()!;
        var expected = References.GetProperty("tokenizers").GetProperty(file)[sentence].EnumerateArray().Select(e => e.GetInt32()).ToArray();

        var ids = HuggingFaceTokenizer.Load(PathOf(file), maxLengthOverride: null).Encode(text);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void The_unigram_references_are_SentencePiece_s_own_ids() =>
        Assert.Equal(Ids(References.GetProperty("sentencepiece")), Ids(References.GetProperty("tokenizers").GetProperty("unigram.json")));

    private static int[][] Ids(JsonElement rows) => [.. rows.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray())];

    /// <summary>
    /// The vocab.txt form keeps its ids (those of earlier releases, the cache keys of earlier runs): the same as the
    /// tokenizer.json form on words, numbers and punctuation, but it drops ASCII symbols and emoji ($, |, 👍) where the
    /// tokenizers library keeps them (as themselves or [UNK]), so sentences with them differ.
    /// </summary>
    [Fact]
    public void The_wordpiece_file_and_the_vocab_form_agree_on_words_numbers_and_punctuation()
    {
        var vocab = TextTokenizer.Load(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), lowercase: true, maxLength: 128);
        var file = HuggingFaceTokenizer.Load(PathOf("wordpiece.json"), maxLengthOverride: 128);
        var sentences = References.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();

        foreach (var sentence in sentences.Where(s => !s.Any(c => c is '$' or '|' or '<' or '>' || char.IsSurrogate(c))))
        {
            Assert.Equal(file.Encode(sentence), vocab.Encode(sentence));
        }

        Assert.NotEqual(file.Encode(sentences[2]), vocab.Encode(sentences[2]));   // "$4.50"
    }

    [Fact]
    public void Truncation_and_padding_come_from_the_file_and_max_length_overrides_the_length()
    {
        var roberta = HuggingFaceTokenizer.Load(PathOf("roberta.json"), maxLengthOverride: null);
        var shorter = HuggingFaceTokenizer.Load(PathOf("roberta.json"), maxLengthOverride: 6);

        Assert.Equal(20, roberta.MaxLength);
        Assert.Equal(new TokenPadding(50259), roberta.Padding);
        Assert.Equal([50257, 383, 2057, 373, 1049, 50258], shorter.Encode("The food was great, and the service was even better!"));
        Assert.Null(HuggingFaceTokenizer.Load(PathOf("gpt2.json"), maxLengthOverride: null).MaxLength);
        Assert.Equal(new TokenPadding(0), HuggingFaceTokenizer.Load(PathOf("unigram.json"), maxLengthOverride: null).Padding);
    }

    [Theory]
    [InlineData("""{ "model": { "type": "WordLevel", "vocab": {} } }""", "model type 'WordLevel' is not supported")]
    [InlineData("""{ "version": "1.0" }""", "no 'model'")]
    [InlineData("""{ "model": """, "not valid JSON")]
    [InlineData("""{ "model": { "type": "BPE", "vocab": { "a": 0 }, "merges": [], "dropout": 0.1 } }""", "dropout")]
    [InlineData("""{ "model": { "type": "Unigram", "vocab": [["a", 0.0]], "unk_id": 0 }, "pre_tokenizer": { "type": "Whitespace" } }""", "Metaspace")]
    public void A_file_it_cannot_reproduce_is_an_error_that_says_why(string json, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("tokenizer.json", json);

        var error = Assert.Throws<InvalidDataException>(() => HuggingFaceTokenizer.Load(path, null));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_a_tokenizer_json_runs_on_its_ids_padded_with_the_file_s_pad_id()
    {
        using var folder = new TempFolder();
        File.Copy(PathOf("roberta.json"), folder.File("tokenizer.json"));
        var graph = new GraphProto { Name = "id-sum" };
        graph.Input.Add(Tensor("input_ids", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Input.Add(Tensor("attention_mask", TensorProto.Types.DataType.Int64, -1, -1));
        graph.Output.Add(Tensor("total", TensorProto.Types.DataType.Float, -1, 1));
        graph.Initializer.Add(Int64s("axis1", 1));
        graph.Node.Add(Node("Cast", ["input_ids"], "ids", ToFloat()));
        graph.Node.Add(Node("ReduceSum", ["ids", "axis1"], "total", Int("keepdims", 1)));
        Save(graph, folder.File("sum.onnx"), "CatInherit tests");
        var (spec, diagnostics) = PolicyLoader.ParseModel("""
            path: sum.onnx
            provider: cpu
            cache: false
            inputs: { text: text, tokenizer: { file: tokenizer.json } }
            output: { name: total, kind: embedding }
            """, "model", folder.Path);
        Assert.True(spec is not null, string.Join("\n", diagnostics));
        var sentences = References.GetProperty("sentences").EnumerateArray().Select(e => e.GetString()!).Take(3).ToList();
        var expected = References.GetProperty("tokenizers").GetProperty("roberta.json").EnumerateArray().Take(3).Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToList()).ToList();

        using var runner = ModelRunner.Open(spec, new RunOptions { UseCache = false });
        var sums = runner.Run(sentences);

        // One batch, padded to its longest row with <pad> (50259), unmasked by this model on purpose.
        var longest = expected.Max(e => e.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            Assert.Equal(expected[i].Sum(id => (double)id) + ((longest - expected[i].Count) * 50259.0), sums[i][0], 1e-6 * sums[i][0]);
        }
    }

    [Theory]
    [InlineData("{ vocab: v.txt, file: tokenizer.json }", "both 'vocab' and 'file'")]
    [InlineData("{ max_length: 16 }", "needs 'vocab: vocab.txt'")]
    [InlineData("{ file: tokenizer.json, lowercase: true }", "remove 'lowercase'")]
    [InlineData("{ file: missing.json }", "missing.json")]
    public void The_tokenizer_section_is_checked_when_the_policy_loads(string tokenizer, string message)
    {
        using var folder = new TempFolder();
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        File.Copy(PathOf("wordpiece.json"), folder.File("tokenizer.json"));
        folder.Write("v.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\n");
        folder.Write("t.csv", "text\nhello\n");
        var path = folder.Write("catinherit.yaml", $$"""
            version: 1
            model:
              path: echo.onnx
              inputs: { text: text, tokenizer: {{tokenizer}} }
              output: { name: hidden, kind: embedding }
            checks:
              - { id: weat, kind: embedding-association, test: weat6 }
            """);

        var loaded = CheckKinds.Load(path);

        Assert.Null(loaded.Policy);
        Assert.Contains(loaded.Diagnostics, d => d.IsError && d.Message.Contains(message, StringComparison.Ordinal) && d.Location.Line == 4);
    }

    [Fact]
    public void A_tokenizer_json_it_cannot_read_is_an_input_error_at_the_file_key()
    {
        using var folder = new TempFolder();
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        folder.Write("tokenizer.json", """{ "model": { "type": "WordLevel", "vocab": {} } }""");
        var (spec, _) = PolicyLoader.ParseModel("""
            path: echo.onnx
            provider: cpu
            inputs: { text: text, tokenizer: { file: tokenizer.json } }
            output: { name: hidden, kind: embedding }
            """, "model.yaml", folder.Path);

        var error = Assert.Throws<InvalidInputException>(() => ModelRunner.Open(spec!, new RunOptions { UseCache = false }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidVocabulary, diagnostic.Code);
        Assert.Equal((3, 42), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("model type 'WordLevel' is not supported", diagnostic.Message, StringComparison.Ordinal);
    }
}
