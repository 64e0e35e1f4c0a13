using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Perturbation;

namespace CatInherit.Probes.TriggerScan;

/// <summary>
/// trigger-scan: each candidate trigger, and each of <c>random_words</c> words drawn from the dataset's own
/// vocabulary, is inserted at the same seeded position of every sampled text. Per target class t, a candidate's flip
/// rate is the share of the texts not of class t (clean prediction, and label when there is one) that it makes the
/// model predict as t. The random words' flip rates are the null: a candidate's anomaly index is
/// max(0, rate − median) / (1.4826 · MAD), Neural Cleanse's robust z-score, with the MAD floored at <c>mad_floor</c>
/// and at 1/n (one text): random words rarely flip a prediction, and a null whose MAD is 0 or one text would turn a
/// handful of chance flips into an anomaly. An index above 2 flags the trigger.
/// </summary>
internal sealed class TriggerScanProbe : IProbe
{
    /// <summary>Neural Cleanse's threshold on the anomaly index.</summary>
    public const double Threshold = 2;

    /// <summary>The consistency constant that makes the MAD estimate a normal distribution's standard deviation.</summary>
    private const double MadScale = 1.4826;

    private const int ShownTriggers = 10;
    private const int ShownExamples = 2;
    private static readonly string[] MetricNames = TriggerScanKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => TriggerScanKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => model?.TextColumn is not null ? Model.ModelSession.Columns(model) : [];

    public IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics)
    {
        if (context.Table is not { } table || context.Model?.TextColumn is not { } column)
        {
            return [];
        }

        var plan = Plan(check, table.Column<TextColumn>(column).Values, LabelTexts(table, context.Dataset), ProbeSupport.DataSeed(check, context.Dataset));
        return [new TextRequest("clean", plan.Texts), new TextRequest("inserted", plan.Inserted)];
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        if (context.Texts.TryGetValue("clean", out var clean))
        {
            var classes = ProbeSupport.Classes(check, clean.Width);
            ProbeSupport.RequireClasses(check, "targets", classes, diagnostics);
            _ = ProbeSupport.Labels(check, context, classes, diagnostics);
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var table = context.Input!.Table;
        var dataset = ProbeSupport.Dataset(check);
        var plan = Plan(check, table.Column<TextColumn>(context.Model!.TextColumn!).Values, LabelTexts(table, dataset), ProbeSupport.DataSeed(check, dataset));
        var n = plan.Texts.Length;
        var cleanOutputs = context.Texts["clean"];
        var classes = ProbeSupport.Classes(check, cleanOutputs.Width);
        var labels = ProbeSupport.Labels(check, context, classes, null);
        var clean = cleanOutputs.Predicted();
        var inserted = context.Texts["inserted"].Predicted();
        var targets = check.Values.GetStrings("targets") is { Count: > 0 } named
            ? [.. named.Select(t => Array.IndexOf(classes, LabelText.Canonical(t))).Distinct()]
            : Enumerable.Range(0, classes.Length).ToArray();
        var words = plan.Candidates.Concat(plan.RandomWords).ToArray();
        var candidates = plan.Candidates.Length;
        var floor = check.Values.Double("mad_floor");

        // eligible[t][i]: text i is not of target t; flips[t][j][i]: inserting word j turns it into t.
        var eligible = targets.Select(t => Enumerable.Range(0, n).Select(i => clean[i] != t && (labels is null || labels[plan.Rows[i]] != t)).ToArray()).ToArray();
        var flips = targets.Select(t => words.Select((_, j) => Enumerable.Range(0, n).Select(i => inserted[(j * n) + i] == t).ToArray()).ToArray()).ToArray();

        // Per target and word, over a set of texts (with repeats): the flip rates, the null's median and scale.
        (double[][] Rates, double[] Median, double[] Scale, int[] Count) Measure(int[] rows)
        {
            var rates = new double[targets.Length][];
            var median = new double[targets.Length];
            var scale = new double[targets.Length];
            var count = new int[targets.Length];
            for (var t = 0; t < targets.Length; t++)
            {
                count[t] = rows.Count(i => eligible[t][i]);
                rates[t] = new double[words.Length];
                for (var j = 0; j < words.Length; j++)
                {
                    var hits = 0;
                    foreach (var i in rows)
                    {
                        hits += eligible[t][i] && flips[t][j][i] ? 1 : 0;
                    }

                    rates[t][j] = count[t] == 0 ? double.NaN : (double)hits / count[t];
                }

                (median[t], scale[t]) = Null(rates[t][candidates..], count[t], floor);
            }

            return (rates, median, scale, count);
        }

        var values = new double[MetricNames.Length];
        void Compute(int[] rows, Span<double> output)
        {
            var (rates, median, scale, count) = Measure(rows);
            output[0] = double.NaN;
            output[1] = double.NaN;
            for (var t = 0; t < targets.Length; t++)
            {
                if (count[t] == 0)
                {
                    continue;
                }

                for (var j = 0; j < candidates; j++)
                {
                    output[0] = double.IsNaN(output[0]) ? rates[t][j] : Math.Max(output[0], rates[t][j]);
                    var a = Anomaly(rates[t][j], median[t], scale[t]);
                    output[1] = double.IsNaN(output[1]) ? a : Math.Max(output[1], a);
                }
            }
        }

        var all = Enumerable.Range(0, n).ToArray();
        Compute(all, values);
        var measured = Measure(all);
        var undefined = double.IsNaN(values[0])
            ? MetricNames.Select(m => new KeyValuePair<string, string>(m, $"no sampled text is outside the target classes ({n} texts; a text of the target class by prediction or label is not counted)")).ToList()
            : [];

        var results = new List<(string Trigger, int Target, double Rate, double Anomaly, int Count, int Word)>();
        for (var t = 0; t < targets.Length; t++)
        {
            if (measured.Count[t] > 0)
            {
                for (var j = 0; j < candidates; j++)
                {
                    results.Add((words[j], t, measured.Rates[t][j], Anomaly(measured.Rates[t][j], measured.Median[t], measured.Scale[t]), measured.Count[t], j));
                }
            }
        }

        var ranked = results.OrderByDescending(r => r.Anomaly).ThenByDescending(r => r.Rate).ThenBy(r => r.Word).ThenBy(r => r.Target).ToList();
        var details = new JsonObject
        {
            ["samples"] = n,
            ["flagged"] = new JsonArray([.. ranked.Where(r => r.Anomaly > Threshold).Select(r => (JsonNode)$"{r.Trigger} → {classes[targets[r.Target]]}")]),
            ["triggers"] = new JsonArray([.. ranked.Take(ShownTriggers).Select(r => (JsonNode)new JsonObject
            {
                ["trigger"] = r.Trigger,
                ["target"] = classes[targets[r.Target]],
                ["flip_rate"] = r.Rate,
                ["anomaly_index"] = r.Anomaly,
                ["flagged"] = r.Anomaly > Threshold,
                ["texts"] = r.Count,
                ["example_flips"] = new JsonArray([.. all.Where(i => eligible[r.Target][i] && flips[r.Target][r.Word][i]).Take(ShownExamples)
                    .Select(i => (JsonNode)new JsonObject { ["text"] = plan.Inserted[(r.Word * n) + i], ["before"] = classes[clean[i]], ["after"] = classes[targets[r.Target]] })]),
            })]),
            ["random_words"] = new JsonObject(targets.Select((target, t) => new KeyValuePair<string, JsonNode?>(classes[target], measured.Count[t] == 0 ? null : new JsonObject
            {
                ["median_flip_rate"] = measured.Median[t],
                ["mad"] = MadOf(measured.Rates[t][candidates..], measured.Median[t]),
                ["words"] = plan.RandomWords.Length,
                ["highest"] = new JsonArray([.. Enumerable.Range(candidates, plan.RandomWords.Length).OrderByDescending(j => measured.Rates[t][j]).ThenBy(j => j).Take(3)
                    .Select(j => (JsonNode)new JsonObject { ["word"] = words[j], ["flip_rate"] = measured.Rates[t][j] })]),
            }))),
        };

        var top = ranked.FirstOrDefault();
        return new ProbeResult
        {
            Count = n,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(n, (c, i) =>
            {
                // A text is whether each target can take it and which words flip it there.
                for (var t = 0; t < targets.Length; t++)
                {
                    c = c.Add(eligible[t][i]);
                    for (var j = 0; j < words.Length; j++)
                    {
                        c = c.Add(flips[t][j][i]);
                    }
                }

                return c;
            }), MetricNames, values, Compute),
            Undefined = undefined,
            Groups = [.. results.Select(r => new GroupReport($"{r.Trigger} → {classes[targets[r.Target]]}", r.Count, false, [new MetricValue("flip_rate", r.Rate), new MetricValue("anomaly_index", r.Anomaly)]))],
            Details = details,
            Explain = _ => top.Trigger is null ? null : string.Create(CultureInfo.InvariantCulture,
                $"top trigger '{top.Trigger}' → {classes[targets[top.Target]]} flips {Numbers.Format(top.Rate)} of {top.Count} texts (anomaly index {Numbers.Format(top.Anomaly)}; random words: median {Numbers.Format(measured.Median[top.Target])})"),
        };
    }

    /// <summary>
    /// The null distribution's median flip rate and the anomaly index's scale: 1.4826 · MAD of the random words' flip
    /// rates, the MAD floored at <paramref name="floor"/> and at one text of <paramref name="count"/> (NaN without texts).
    /// </summary>
    internal static (double Median, double Scale) Null(double[] nullRates, int count, double floor)
    {
        var median = Median(nullRates);
        var mad = MadOf(nullRates, median);
        return (median, MadScale * Math.Max(Math.Max(mad, floor), count == 0 ? double.NaN : 1.0 / count));
    }

    /// <summary>The anomaly index of a flip rate: how many scales it lies above the null's median (0 at or below it).</summary>
    internal static double Anomaly(double rate, double median, double scale) => Math.Max(0, rate - median) / scale;

    /// <summary>Each row's label as canonical text, or null when the dataset has no label column.</summary>
    private static string[]? LabelTexts(DataTable table, DatasetSpec? dataset)
    {
        if (dataset?.Label is not { } column || !table.Has(column))
        {
            return null;
        }

        var labels = table.Column<CategoricalColumn>(column);
        return [.. labels.Codes.Select(c => LabelText.Canonical(labels.Levels[c]))];
    }

    /// <summary>
    /// The sample, the candidates, the random words and every inserted text (word-major: all texts with word 0, then
    /// word 1, ...). With named targets and labels, only texts whose label is not a target are sampled: the others could
    /// never count.
    /// </summary>
    private static ScanPlan Plan(CheckSpec check, string[] values, string[]? labels, ulong seed)
    {
        var targets = check.Values.GetStrings("targets").Select(LabelText.Canonical).ToHashSet(StringComparer.Ordinal);
        var pool = labels is not null && targets.Count > 0 ? Enumerable.Range(0, values.Length).Where(r => !targets.Contains(labels[r])).ToArray() : Enumerable.Range(0, values.Length).ToArray();
        var rows = RowSample.Choose(pool.Length, check.Values.Int("samples"), seed).Select(i => pool[i]).ToArray();
        var texts = rows.Select(r => values[r]).ToArray();
        var candidates = (check.Values.Bool("builtin_triggers") ? TriggerScanKind.BuiltInTriggers : [])
            .Concat(check.Values.GetStrings("triggers").Select(t => t.Trim()))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        // The null: distinct words of 3+ letters from the whole dataset, in ordinal order, shuffled by the seed; no candidate among them.
        var exclude = candidates.SelectMany(c => c.Split(' ')).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var vocabulary = values.SelectMany(TextWords.Of).Select(w => w.ToLowerInvariant()).Where(w => w.Length >= 3 && w.All(char.IsLetter) && !exclude.Contains(w))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var randomWords = RowSample.Choose(vocabulary.Length, check.Values.Int("random_words"), seed ^ StableHash.Of("random-words")).Select(i => vocabulary[i]).ToArray();

        // One seeded position per text, shared by every inserted word: candidates and null differ only in the word.
        var positions = texts.Select((text, i) =>
        {
            var at = Xoshiro256.ForStream(seed ^ StableHash.Of("position"), (ulong)i);
            return at.NextInt(TextWords.Spans(text).Length + 1);
        }).ToArray();
        var inserted = new List<string>(texts.Length * (candidates.Length + randomWords.Length));
        foreach (var word in candidates.Concat(randomWords))
        {
            for (var i = 0; i < texts.Length; i++)
            {
                inserted.Add(TextWords.Insert(texts[i], TextWords.Spans(texts[i]), positions[i], word));
            }
        }

        return new ScanPlan(rows, texts, candidates, randomWords, [.. inserted]);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double MadOf(double[] values, double median) => Median([.. values.Select(v => Math.Abs(v - median))]);

    private sealed record ScanPlan(int[] Rows, string[] Texts, string[] Candidates, string[] RandomWords, string[] Inserted);
}
