using System.Text.Json.Nodes;
using CatInherit.Model;
using CatInherit.Probes.Interpret;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

/// <summary>
/// Leave-one-out token attributions and ERASER's faithfulness on the token-sum model, whose P(class 1) is
/// sigmoid((Σ token ids − 2000) / 100): every number is computed here from the vocabulary's ids alone.
/// </summary>
public sealed class TokenAttributionTests : IDisposable
{
    /// <summary>Each word's token id: P(class 1) = sigmoid((2 + 3 + Σ ids − 2000) / 100), with [CLS] = 2 and [SEP] = 3.</summary>
    private static readonly Dictionary<string, int> Ids = new()
    {
        ["he"] = 650,
        ["she"] = 750,
        ["is"] = 600,
        ["here"] = 700,
        ["now"] = 120,
        ["his"] = 230,
        ["her"] = 260,
        ["dog"] = 210,
        ["and"] = 200,
        ["cat"] = 220,
        ["sat"] = 205,
        ["on"] = 215,
        ["the"] = 225,
        ["mat"] = 235,
    };

    private readonly TempFolder folder = new();
    private readonly TextTokenizer tokenizer;

    public TokenAttributionTests()
    {
        var vocab = new string[800];
        string[] special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
        for (var i = 0; i < vocab.Length; i++)
        {
            vocab[i] = i < special.Length ? special[i] : $"filler{i}";
        }

        foreach (var (word, id) in Ids)
        {
            vocab[id] = word;
        }

        folder.Write("vocab.txt", string.Join("\n", vocab) + "\n");
        tokenizer = TextTokenizer.Load(folder.File("vocab.txt"), true, 128);
        TinyModels.TokenSum(folder.File("sum.onnx"));
    }

    public void Dispose() => folder.Dispose();

    /// <summary>P(<paramref name="cls"/>) of the token-sum model, from the token ids alone.</summary>
    private double P(string text, int cls)
    {
        var positive = 1 / (1 + Math.Exp(-((tokenizer.Encode(text).Sum() - 2000.0) / 100)));
        return cls == 1 ? positive : 1 - positive;
    }

    private RunResult Run(string data, string checks)
    {
        folder.Write("d.csv", data);
        return PolicyRun.RunFile(folder.Write("catinherit.yaml", $$"""
            version: 1
            model:
              path: sum.onnx
              provider: cpu
              inputs: { text: text, tokenizer: { vocab: vocab.txt } }
              output: { name: logits, kind: logits }
              cache: false
            datasets:
              d: { path: d.csv, label: label }
            checks:
            {{checks}}
            """));
    }

    /// <summary>Checks one explained text against the model's formula: words, importances, the rationale and its faithfulness.</summary>
    private void Verify(JsonObject explained, string text, int cls)
    {
        var words = text.Split(' ');
        var p = P(text, cls);
        Assert.Equal(text, explained["text"]!.GetValue<string>());
        Assert.Equal(cls.ToString(System.Globalization.CultureInfo.InvariantCulture), explained["class"]!.GetValue<string>());
        Assert.Equal(p, explained["probability"]!.GetValue<double>(), 1e-6);
        var reported = explained["words"]!.AsArray().Select(w => (Word: w!["word"]!.GetValue<string>(), Importance: w["importance"]!.GetValue<double>())).ToArray();
        Assert.Equal(words, reported.Select(w => w.Word));
        var importance = new double[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            importance[i] = p - P(string.Join(' ', words.Where((_, j) => j != i)), cls);
            Assert.Equal(importance[i], reported[i].Importance, 1e-6);
        }

        // ERASER, the top ⌈20%⌉ of the words: comprehensiveness p − p(x without them), sufficiency p − p(them alone).
        var k = (int)Math.Ceiling(0.2 * words.Length);
        var top = Enumerable.Range(0, words.Length).OrderByDescending(i => importance[i]).ThenBy(i => i).Take(k).Order().ToArray();
        Assert.Equal(k, explained["top_k"]!.GetValue<int>());
        Assert.Equal(top.Select(i => words[i]), explained["top_words"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Equal(p - P(string.Join(' ', words.Where((_, j) => !top.Contains(j))), cls), explained["comprehensiveness"]!.GetValue<double>(), 1e-6);
        Assert.Equal(p - P(string.Join(' ', top.Select(i => words[i])), cls), explained["sufficiency"]!.GetValue<double>(), 1e-6);
    }

    [Fact]
    public void Counterfactual_pairs_are_explained_word_by_word_with_their_faithfulness()
    {
        var result = Run("text,label\nhe is here,1\nshe is here,1\nthe cat sat,0\nhis dog and her cat sat on the mat,0\n", "  - { id: cf, kind: counterfactual, dataset: d, swap: gender-terms, resamples: 0 }");

        var check = Assert.Single(result.Report!.Checks);
        var attributions = check.Details!["attributions"]!.AsArray();
        string[] texts = ["he is here", "she is here", "his dog and her cat sat on the mat"];
        string[] twins = ["she is here", "he is here", "her dog and his cat sat on the mat"];

        // Pairs that flip come first, then the largest |Δ P(1)|; each pair's text and twin, for the class predicted on the text.
        var order = Enumerable.Range(0, 3)
            .OrderByDescending(i => (P(texts[i], 1) > 0.5) != (P(twins[i], 1) > 0.5))
            .ThenByDescending(i => Math.Abs(P(twins[i], 1) - P(texts[i], 1)))
            .ToArray();
        Assert.Equal(6, attributions.Count);
        for (var rank = 0; rank < 3; rank++)
        {
            var i = order[rank];
            var predicted = P(texts[i], 1) > 0.5 ? 1 : 0;
            Assert.StartsWith($"pair {rank + 1}", attributions[2 * rank]!["example"]!.GetValue<string>(), StringComparison.Ordinal);
            Verify(attributions[2 * rank]!.AsObject(), texts[i], predicted);
            Verify(attributions[(2 * rank) + 1]!.AsObject(), twins[i], predicted);
        }
    }

    [Fact]
    public void Group_checks_explain_the_most_confident_mistakes_of_their_worst_group()
    {
        // Group a (accuracy 1/2): "she is here now" (P(1) 0.85) and "she is here" (0.63) are labelled 0; group b: 2/3 right.
        var result = Run(
            "text,label,group\nshe is here,0,a\nhe is here,0,a\nshe is here now,0,a\nthe cat sat,0,a\nshe is here,1,b\nshe is here now,1,b\nhe is here,1,b\n",
            "  - { id: g, kind: group-fairness, dataset: d, sensitive: group, resamples: 0 }");

        var check = Assert.Single(result.Report!.Checks);
        string[] rows = ["she is here", "he is here", "she is here now", "the cat sat"];
        var mistakes = rows.Where(t => P(t, 1) > 0.5).OrderByDescending(t => P(t, 1)).Take(3).ToArray();
        Assert.Equal(["she is here now", "she is here"], mistakes);
        var attributions = check.Details!["attributions"]!.AsArray();
        Assert.Equal(mistakes.Length, attributions.Count);
        for (var m = 0; m < mistakes.Length; m++)
        {
            Assert.Equal($"mistake {m + 1} in 'a' (label 0)", attributions[m]!["example"]!.GetValue<string>());
            Verify(attributions[m]!.AsObject(), mistakes[m], 1);
        }
    }

    [Fact]
    public void A_failing_corruption_check_explains_the_rows_its_worst_corruption_flips()
    {
        // "she is here" (P(1) 0.63) and "she is here now" (0.85) are right as labelled 1; dropping a word can flip them.
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? "she is here,1\n" : "she is here now,1\n"));
        var result = Run("text,label\n" + rows, "  - { id: c, kind: corruption, dataset: d, corruptions: [word_drop], severities: [5], resamples: 0, gate: { metric: accuracy_drop, max: 0 } }");

        var check = Assert.Single(result.Report!.Checks);
        Assert.Equal(CatInherit.Gating.CheckStatus.Fail, check.Status);
        Assert.NotNull(check.Details!["slices"]);
        var attributions = check.Details["attributions"]!.AsArray();
        Assert.Equal(6, attributions.Count);
        var previous = double.MaxValue;
        for (var rank = 0; rank < 3; rank++)
        {
            var (clean, corrupted) = (attributions[2 * rank]!.AsObject(), attributions[(2 * rank) + 1]!.AsObject());
            Assert.Equal($"flip {rank + 1} (word_drop@5), clean", clean["example"]!.GetValue<string>());
            Assert.Equal($"flip {rank + 1} (word_drop@5), corrupted", corrupted["example"]!.GetValue<string>());
            var text = clean["text"]!.GetValue<string>();
            var copy = corrupted["text"]!.GetValue<string>();

            // Right before (class 1, as labelled), wrong after: the copy is the clean text with words dropped, and it flips.
            Assert.True(P(text, 1) > 0.5);
            Assert.True(P(copy, 1) < 0.5, $"'{copy}' should flip");
            Assert.True(P(text, 1) <= previous, "the most confident clean predictions come first");
            previous = P(text, 1);
            Assert.Subset(text.Split(' ').ToHashSet(), copy.Split(' ').ToHashSet());
            Verify(clean, text, 1);
            Verify(corrupted, copy, 1);
        }
    }

    [Fact]
    public void Reports_shade_each_word_and_list_the_top_ones()
    {
        var report = Run("text,label\nhe is here,1\nshe is here,1\n", "  - { id: cf, kind: counterfactual, dataset: d, swap: gender-terms, resamples: 0 }").Report!;

        var html = ReportWriters.ToText(report, new HtmlReportWriter());
        var md = ReportWriters.ToText(report, new MarkdownReportWriter());
        var message = TestMessages.Describe(report.Checks[0]);

        Assert.Contains("<h3>Words behind the predictions</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"background:rgba(", html, StringComparison.Ordinal);
        Assert.Contains(">she</span>", html, StringComparison.Ordinal);
        Assert.Contains("#### Words behind the predictions", md, StringComparison.Ordinal);
        Assert.Contains("comprehensiveness", md, StringComparison.Ordinal);
        Assert.Contains("words (pair 1 (flips), text → ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The food, was great.", 1, "The, was great.")]
    [InlineData("The food, was great.", 3, "The food, was.")]
    [InlineData("The food, was great.", 0, "food, was great.")]
    [InlineData("one", 0, "")]
    public void Leaving_a_word_out_removes_it_and_one_space_beside_it(string text, int word, string expected)
    {
        var words = SliceFeatures.Word().Matches(text).Select(m => (m.Index, m.Length)).ToArray();

        Assert.Equal(expected, TokenAttributions.Without(text, words, [word]));
    }

    [Fact]
    public void Leaving_several_words_out_keeps_the_rest_in_order()
    {
        const string text = "a b c d e";
        var words = SliceFeatures.Word().Matches(text).Select(m => (m.Index, m.Length)).ToArray();

        Assert.Equal("a c", TokenAttributions.Without(text, words, [1, 3, 4]));
        Assert.Equal("b d", TokenAttributions.Without(text, words, [0, 2, 4]));
    }
}
