using System.Text.Json;
using CatInherit.Model;
using CatInherit.Probes.IdentityTemplates;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

/// <summary>identity-templates: the rates against numpy/scikit-learn (Fixtures/make_identity_fixtures.py), and end to end on a real ONNX model whose scores are known.</summary>
public sealed class IdentityTemplatesTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TextTokenizer tokenizer = TextTokenizer.Load(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), true, 128);

    public IdentityTemplatesTests()
    {
        File.Copy(Path.Combine(RepoPaths.SentimentModel, "vocab.txt"), folder.File("vocab.txt"));
        TinyModels.TokenSum(folder.File("sum.onnx"));
        folder.Write("unused.csv", "p\n1\n");
    }

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load("identity_templates.json").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rates_and_equality_differences_match_the_reference(string name)
    {
        var c = Fixture.Load("identity_templates.json").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var rows = c.GetProperty("scores").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var terms = rows[0].Length;
        var score = rows.SelectMany(r => r).ToArray();
        var threshold = c.GetProperty("threshold").GetDouble();
        var polarity = c.GetProperty("polarity").EnumerateArray().Select(p => Enum.Parse<FillerPolarity>(p.GetString()!, ignoreCase: true)).ToArray();
        var rates = new TermRates(terms);

        rates.Measure([.. Enumerable.Range(0, rows.Length)], polarity, score, [.. score.Select(s => s >= threshold)]);

        double? Optional(string key) => c.GetProperty(key).ValueKind == JsonValueKind.Null ? null : c.GetProperty(key).GetDouble();
        Assert.Equal(c.GetProperty("mean_score").EnumerateArray().Select(v => v.GetDouble()), rates.Mean, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(c.GetProperty("max_term_gap").GetDouble(), rates.MaxGap(), 12);
        if (Optional("fped") is { } fped)
        {
            Assert.Equal(fped, rates.Fped(), 12);
            Assert.Equal(c.GetProperty("false_positive_rate").EnumerateArray().Select(v => v.GetDouble()), rates.Fpr, (a, b) => Math.Abs(a - b) < 1e-12);
        }
        else
        {
            Assert.True(double.IsNaN(rates.Fped()));
        }

        if (Optional("fned") is { } fned)
        {
            Assert.Equal(fned, rates.Fned(), 12);
        }
        else
        {
            Assert.True(double.IsNaN(rates.Fned()));
        }
    }

    /// <summary>P(class 1) of the token-sum model, from the token ids alone.</summary>
    private double Positive(string text) => 1 / (1 + Math.Exp(-((tokenizer.Encode(text).Sum() - 2000.0) / 100)));

    private RunResult Run(string check)
    {
        folder.Write("catinherit.yaml", $$"""
            version: 1
            model:
              path: sum.onnx
              provider: cpu
              inputs: { text: text, tokenizer: { vocab: vocab.txt } }
              output: { name: logits, kind: logits }
              cache: false
            datasets:
              unused: { path: unused.csv, prediction: p }
            checks:
            {{check}}
            """);
        return PolicyRun.RunFile(folder.File("catinherit.yaml"));
    }

    [Fact]
    public void Every_term_fills_every_frame_and_the_metrics_follow_the_models_scores()
    {
        // The token-sum model saturates on long texts, so the "terms" and fillers are single low-id tokens: P(positive) then varies.
        string[] terms = ["a", "i", "!", "z"];
        string[] templates = ["{term} {filler}", "{term} ."];
        var fillers = new (string Word, int Polarity)[] { ("5", 1), ("9", 1), (":", 1), ("%", -1), ("&", -1), ("-", 0) };
        var result = Run("""
              - id: t
                kind: identity-templates
                terms: [a, i, "!", z]
                templates: ["{term} {filler}", "{term} ."]
                fillers: { positive: ["5", "9", ":"], negative: ["%", "&"], neutral: ["-"] }
                threshold: 0.928
                resamples: 0
            """);

        var check = Assert.Single(result.Report!.Checks);
        // Independent expectation: sentences by term, with their expected class, scored by the formula above.
        var sentences = terms.ToDictionary(t => t, t => new List<(double Score, int Polarity)>());
        foreach (var template in templates)
        {
            foreach (var (word, polarity) in template.Contains("{filler}", StringComparison.Ordinal) ? fillers : [(string.Empty, 0)])
            {
                foreach (var term in terms)
                {
                    sentences[term].Add((Positive(template.Replace("{term}", term, StringComparison.Ordinal).Replace("{filler}", word, StringComparison.Ordinal)), polarity));
                }
            }
        }

        var fpr = terms.ToDictionary(t => t, t => sentences[t].Where(s => s.Polarity < 0).Average(s => s.Score >= 0.928 ? 1.0 : 0.0));
        var fnr = terms.ToDictionary(t => t, t => sentences[t].Where(s => s.Polarity > 0).Average(s => s.Score >= 0.928 ? 0.0 : 1.0));
        var mean = terms.ToDictionary(t => t, t => sentences[t].Average(s => s.Score));
        var overallFpr = sentences.Values.SelectMany(s => s).Where(s => s.Polarity < 0).Average(s => s.Score >= 0.928 ? 1.0 : 0.0);
        var overallFnr = sentences.Values.SelectMany(s => s).Where(s => s.Polarity > 0).Average(s => s.Score >= 0.928 ? 0.0 : 1.0);

        Assert.Equal(4 * (6 + 1), check.Count);
        Assert.Equal(terms.Sum(t => Math.Abs(overallFpr - fpr[t])), check.Metrics.Single(m => m.Name == "fped").Value, 12);
        Assert.Equal(terms.Sum(t => Math.Abs(overallFnr - fnr[t])), check.Metrics.Single(m => m.Name == "fned").Value, 12);
        Assert.Equal(mean.Values.Max() - mean.Values.Min(), check.Metrics.Single(m => m.Name == "max_term_gap").Value, 6);
        Assert.Equal(terms, check.Groups.Select(g => g.Name));
        foreach (var group in check.Groups)
        {
            Assert.Equal(mean[group.Name], group.Metrics.Single(m => m.Name == "mean_score").Value, 6);
            Assert.Equal(fpr[group.Name], group.Metrics.Single(m => m.Name == "false_positive_rate").Value, 12);
            Assert.Equal(fnr[group.Name], group.Metrics.Single(m => m.Name == "false_negative_rate").Value, 12);
        }

        Assert.True(mean.Values.Max() - mean.Values.Min() > 0.01, "the token-sum model scores terms differently, so the gap is not trivially 0");
        Assert.True(check.Metrics.Single(m => m.Name == "fped").Value > 0 && check.Metrics.Single(m => m.Name == "fned").Value > 0, "terms differ in both error rates");
    }

    [Fact]
    public void The_built_in_list_has_dixons_50_terms_and_expands_every_default_frame()
    {
        Assert.Equal(50, IdentityTerms.Terms.Count);
        Assert.Equal(50, IdentityTerms.Terms.Distinct().Count());
        Assert.Contains("african american", IdentityTerms.Terms);
        Assert.Equal(16, IdentityTerms.Fillers("positive").Count);
        Assert.Equal(16, IdentityTerms.Fillers("negative").Count);

        var result = Run("  - { id: t, kind: identity-templates, resamples: 200, gate: { metric: max_term_gap, max: 1 } }");

        var check = Assert.Single(result.Report!.Checks);
        Assert.Equal(50 * ((2 * 32) + 1), check.Count);
        Assert.Equal(50, check.Groups.Count);
        Assert.NotNull(check.IntervalOf("fped"));
        Assert.NotNull(check.IntervalOf("max_term_gap"));
        Assert.Equal("argmax", check.Details!["decision"]!.GetValue<string>());
    }

    [Fact]
    public void Reports_are_byte_identical_for_a_seed_and_neutral_only_templates_leave_the_rates_undefined()
    {
        const string checks = """
              - { id: t, kind: identity-templates, terms: [gay, tall], templates: ["{term} people are {filler} ."], fillers: { positive: [good, kind], negative: [bad, mean] }, resamples: 300 }
              - { id: n, kind: identity-templates, terms: [gay, tall], templates: ["i am {term} ."], resamples: 50, gate: { metric: fped, max: 1 } }
            """;

        var first = Run(checks).Report!;
        var second = Run(checks).Report!;

        Assert.Equal(ReportWriters.ToText(first, new JsonReportWriter()), ReportWriters.ToText(second, new JsonReportWriter()));
        var neutral = first.Checks[1];
        Assert.Equal(CatInherit.Gating.CheckStatus.Error, neutral.Status);
        Assert.Contains("fped is undefined: no template sentence has a negative filler", neutral.Message, StringComparison.Ordinal);
        Assert.Contains(neutral.Metrics, m => m.Name == "max_term_gap");
    }

    [Theory]
    [InlineData("templates: [\"people like us\"]", "(12,17): error CAT0013: check 't': template \"people like us\" has no '{term}' placeholder; write where the identity term goes, e.g. \"Being {term} is {filler}.\"")]
    [InlineData("templates: [\"{term} is {adjective}\"]", "(12,17): error CAT0013: check 't': template \"{term} is {adjective}\" has the placeholder '{adjective}'; identity templates fill only {term} and {filler}")]
    [InlineData("terms: []", "(12,12): error CAT0013: 'terms' in check 't' is an empty list")]
    [InlineData("terms: [gay]", "(12,12): error CAT0013: check 't': 'terms' gives 1 distinct term; comparing terms needs at least two")]
    [InlineData("terms: [gay, Gay]", "(12,12): error CAT0013: check 't': 'terms' gives 1 distinct term")]
    [InlineData("terms: [dixon, empty.txt]", "(12,20): error CAT0013: check 't': word list 'empty.txt' is empty")]
    [InlineData("terms: [dixon, missing.txt]", "(12,20): error CAT0100: check 't': word list 'missing.txt' not found")]
    [InlineData("fillers: { postive: [good] }", "(12,16): error CAT0010: unknown key 'postive' in 'fillers' of check 't'. Did you mean 'positive'?")]
    [InlineData("fillers: madlibs", "(12,14): error CAT0013:")]
    [InlineData("fillers: { negative: empty.txt }", "(12,26): error CAT0013: check 't': word list 'empty.txt' is empty")]
    [InlineData("threshold: 1", "(12,16): error CAT0015:")]
    public void Bad_templates_and_term_lists_are_errors_that_validate_reports_too(string keys, string expected)
    {
        folder.Write("empty.txt", "# nothing here\n\n");
        var path = folder.Write("catinherit.yaml", $"""
            version: 1
            model:
              path: sum.onnx
              provider: cpu
              inputs: {"{"} text: text, tokenizer: {"{"} vocab: vocab.txt {"}"} {"}"}
              output: {"{"} name: logits, kind: logits {"}"}
            datasets:
              unused: {"{"} path: unused.csv, prediction: p {"}"}
            checks:
              - id: t
                kind: identity-templates
                {keys}
            """);

        var validated = PolicyValidator.Validate(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        var ran = PolicyRun.RunFile(path);

        Assert.Null(ran.Report);
        Assert.True(validated.Any(d => d.StartsWith(path + expected, StringComparison.Ordinal)), string.Join("\n", validated));
        Assert.Equal(validated, ran.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
    }

    [Fact]
    public void An_embedding_model_is_refused_at_load_with_a_pointer_to_the_association_test()
    {
        TinyModels.TokenEcho(folder.File("echo.onnx"));
        var path = folder.Write("catinherit.yaml", """
            version: 1
            model:
              path: echo.onnx
              inputs: { text: text, tokenizer: { vocab: vocab.txt } }
              output: { name: hidden, kind: embedding, pooling: mean }
            datasets:
              unused: { path: unused.csv, prediction: p }
            checks:
              - { id: t, kind: identity-templates }
            """);

        var validated = PolicyValidator.Validate(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();

        Assert.Contains(validated, d => d.Contains("error CAT0115: check 't' compares class probabilities, but model 'model' outputs an embedding", StringComparison.Ordinal));
    }
}
