using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

public sealed class EmbeddingAssociationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private RunResult Run(string check)
    {
        var model = RepoPaths.SentimentModel;
        folder.Write("catinherit.yaml", $$"""
            version: 1
            models:
              encoder:
                path: {{model}}/encoder.onnx
                provider: cpu
                inputs: { text: text, tokenizer: { vocab: {{model}}/vocab.txt } }
                output: { name: last_hidden_state, kind: embedding, pooling: mean, normalize: true }
                cache: false
            datasets:
              unused: { path: unused.csv, prediction: p }
            checks:
            {{check}}
            """);
        folder.Write("unused.csv", "p\n1\n");
        return PolicyRun.RunFile(folder.File("catinherit.yaml"));
    }

    [Fact]
    public void Weat_and_seat_run_on_the_real_encoder_and_are_deterministic()
    {
        const string checks = """
              - { id: weat6, kind: embedding-association, model: encoder, test: weat6, resamples: 200 }
              - { id: seat6, kind: embedding-association, model: encoder, test: weat6, templates: bleached, permutations: 2000, resamples: 0 }
            """;

        var first = Run(checks).Report!;
        var second = Run(checks).Report!;

        Assert.Equal(ReportWriters.ToText(first, new JsonReportWriter()), ReportWriters.ToText(second, new JsonReportWriter()));
        var weat = first.Checks[0];
        var seat = first.Checks[1];
        Assert.Equal(16, weat.Count);
        Assert.Equal(112, seat.Count);
        Assert.InRange(weat.Metrics.Single(m => m.Name == "effect_size").Value, -2, 2);
        Assert.Equal("exact", weat.Details!["p_value_method"]!.GetValue<string>());
        Assert.Equal("sampled", seat.Details!["p_value_method"]!.GetValue<string>());
        Assert.Equal(2000, seat.Details!["partitions"]!.GetValue<long>());
        Assert.NotNull(weat.IntervalOf("effect_size"));
    }

    [Theory]
    [InlineData("identity-sexuality", "gay")]
    [InlineData("identity-religion", "muslim")]
    [InlineData("identity-ethnicity", "african american")]
    [InlineData("identity-disability-age", "blind")]
    public void Identity_offensive_sets_pair_identity_terms_with_neutral_descriptors_and_offensive_with_pleasant_words(string test, string term)
    {
        var (_, targets, attributes) = CatInherit.Probes.EmbeddingAssociation.WeatSets.Test(test);
        var (_, _, weat1) = CatInherit.Probes.EmbeddingAssociation.WeatSets.Test("weat1");

        Assert.Equal([8, 8], targets.Select(t => t.Distinct().Count()));
        Assert.Contains(term, targets[0]);
        Assert.Contains(term, CatInherit.Probes.IdentityTemplates.IdentityTerms.Terms);
        Assert.All(targets[0], t => Assert.Contains(t, CatInherit.Probes.IdentityTemplates.IdentityTerms.Terms));
        Assert.Equal(["tall", "short", "blond", "redheaded", "left-handed", "freckled", "bearded", "curly-haired"], targets[1]);
        Assert.Equal(25, attributes[0].Distinct().Count());
        Assert.Equal(weat1[0], attributes[1]);
        Assert.Empty(attributes[0].Intersect(targets.SelectMany(t => t)));
    }

    [Fact]
    public void Custom_sets_from_lists_and_files()
    {
        folder.Write("x.txt", "rose\ntulip\n");
        var report = Run("  - { id: custom, kind: embedding-association, model: encoder, targets: [x.txt, [spider, wasp]], attributes: [[love, peace], [hate, war]], resamples: 0 }").Report!;

        var check = Assert.Single(report.Checks);
        Assert.Equal(4, check.Count);
        Assert.True(check.Metrics.Single(m => m.Name == "effect_size").Value > 0, "flowers should lean pleasant");
        Assert.Equal(1.0 / 6 * Math.Round(check.Metrics.Single(m => m.Name == "p_value").Value * 6), check.Metrics.Single(m => m.Name == "p_value").Value, 12);
    }

    [Theory]
    [InlineData("targets: [[a, b, c], [d, e]], attributes: [[f], [g]]", "error CAT0013: check 'w': the permutation test re-partitions X ∪ Y into equal halves, so the target sets need equal sizes; X has 3 words and Y has 2")]
    [InlineData("targets: [[a], []], attributes: [[f], [g]]", "error CAT0013: a word set in 'targets' of check 'w' is empty; every set needs at least one word")]
    [InlineData("targets: [[a], [\" \"]], attributes: [[f], [g]]", "error CAT0013: check 'w': set Y has an empty word, which would tokenize to nothing")]
    [InlineData("test: weat6, templates: [\"This is it.\"]", "error CAT0013: check 'w': template \"This is it.\" has no '{word}' placeholder")]
    [InlineData("targets: [[a], [b]]", "error CAT0011: check 'w' has 'targets' but no 'attributes'")]
    [InlineData("test: weat6, targets: [[a], [b]], attributes: [[c], [d]]", "error CAT0013: check 'w' needs exactly one of 'test' or 'targets'; it has 'test' and 'targets'")]
    [InlineData("targets: [[a], [b], [c]], attributes: [[c], [d]]", "error CAT0012: 'targets' in check 'w' must be a list of two word sets")]
    [InlineData("targets: [missing.txt, [b]], attributes: [[c], [d]]", "error CAT0100: check 'w': word list 'missing.txt' not found")]
    public void Bad_word_sets_are_diagnostics(string keys, string expected)
    {
        var result = Run($"  - {{ id: w, kind: embedding-association, model: encoder, {keys} }}");

        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics, d => d.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
