using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.EmbeddingAssociation;

/// <summary>
/// embedding-association: WEAT on word embeddings, SEAT when words are placed in sentence templates
/// (each word × template sentence is one element of its set). Effect size and one-sided permutation
/// p-value as <see cref="Weat"/> defines them; bootstrap interval on the effect size.
/// </summary>
internal sealed class EmbeddingAssociationProbe : IProbe
{
    private static readonly string[] SetNames = ["X", "Y", "A", "B"];
    private static readonly string[] MetricNames = EmbeddingAssociationKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => EmbeddingAssociationKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => [];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
    }

    /// <summary>The four word sets as texts; the model and the sets were checked at load (<see cref="EmbeddingAssociationKind"/>).</summary>
    public IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics)
    {
        var sets = Sets(check, diagnostics);
        return sets is null ? [] : [.. SetNames.Select((name, i) => new TextRequest(name, sets.Value.Texts[i]))];
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var (title, _) = Sets(check, [])!.Value;
        double[][] Vectors(string key) => context.Texts[key].ToRows();

        var x = Vectors("X");
        var y = Vectors("Y");
        var permutations = check.Values.Int("permutations");
        var result = Weat.Compute(x, y, Vectors("A"), Vectors("B"), permutations, context.CheckSeed, check.Resamples, check.Confidence);
        var intervals = result.EffectSizeInterval is { } interval && !double.IsNaN(result.EffectSize)
            ? new[] { new KeyValuePair<string, Interval>("effect_size", interval) }
            : [];
        return new ProbeResult
        {
            Count = x.Length + y.Length,
            Metrics = [new(MetricNames[0], result.EffectSize), new(MetricNames[1], result.PValue)],
            Intervals = intervals,
            Undefined = double.IsNaN(result.EffectSize) ? [new("effect_size", "every target has the same association with A over B, so the standard deviation is 0")] : [],
            Details = new JsonObject
            {
                ["test"] = title,
                ["statistic"] = result.Statistic,
                ["mean_association_x"] = result.MeanX,
                ["mean_association_y"] = result.MeanY,
                ["p_value_method"] = result.Exact ? "exact" : "sampled",
                ["partitions"] = result.Partitions,
                ["set_sizes"] = new JsonArray([.. SetNames.Select(s => (JsonNode)context.Texts[s].Rows)]),
            },
            Explain = _ => string.Create(CultureInfo.InvariantCulture, $"{title}: mean association X {result.MeanX:0.####} vs Y {result.MeanY:0.####}, p = {result.PValue:0.####} ({(result.Exact ? "exact" : "sampled")})"),
        };
    }

    /// <summary>X, Y, A, B as texts (words, or template sentences for SEAT); null after reporting a problem.</summary>
    internal static (string Title, IReadOnlyList<string>[] Texts)? Sets(CheckSpec check, List<Diagnostic> diagnostics)
    {
        string title;
        IReadOnlyList<string>[] words;
        if (check.Values.GetString("test") is { } test)
        {
            var (name, targets, attributes) = WeatSets.Test(test);
            title = $"{test}: {name}";
            words = [targets[0], targets[1], attributes[0], attributes[1]];
        }
        else
        {
            var targets = ReadPair(check, "targets", diagnostics);
            var attributes = ReadPair(check, "attributes", diagnostics);
            if (targets is null || attributes is null)
            {
                return null;
            }

            title = "custom";
            words = [targets[0], targets[1], attributes[0], attributes[1]];
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf(i < 2 ? "targets" : "attributes"), $"check '{check.Id}': set {SetNames[i]} has an empty word, which would tokenize to nothing"));
                return null;
            }
        }

        if (words[0].Count != words[1].Count)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf("targets"), string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}': the permutation test re-partitions X ∪ Y into equal halves, so the target sets need equal sizes; X has {words[0].Count} words and Y has {words[1].Count}")));
            return null;
        }

        var templates = Templates(check, diagnostics);
        if (templates is null)
        {
            return null;
        }

        var texts = words.Select(set => templates.Count == 0
            ? set
            : (IReadOnlyList<string>)[.. set.SelectMany(w => templates.Select(t => t.Replace("{word}", w, StringComparison.Ordinal)))]).ToArray();
        return (templates.Count == 0 ? title : $"{title} (SEAT, {templates.Count} templates)", texts);
    }

    private static IReadOnlyList<string>? Templates(CheckSpec check, List<Diagnostic> diagnostics)
    {
        var templates = check.Values.GetStrings("templates");
        if (templates is ["bleached"])
        {
            return WeatSets.BleachedTemplates;
        }

        for (var i = 0; i < templates.Count; i++)
        {
            if (!templates[i].Contains("{word}", StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf("templates", i), $"check '{check.Id}': template \"{templates[i]}\" has no '{{word}}' placeholder; write where the word goes, e.g. \"This is {{word}}.\" (or use 'templates: bleached')"));
                return null;
            }
        }

        return templates;
    }

    private static List<string>[]? ReadPair(CheckSpec check, string key, List<Diagnostic> diagnostics)
    {
        var sets = check.Values.WordSets(key);
        var result = new List<string>[2];
        for (var i = 0; i < 2; i++)
        {
            var (words, file) = sets[i];
            if (file is not null)
            {
                var list = WordListFile.Read(check, check.Values.WordSetFile(key, i), "file", diagnostics);
                if (list is null)
                {
                    return null;
                }

                result[i] = list;
            }
            else
            {
                result[i] = [.. words];
            }
        }

        return result;
    }
}
