using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.IdentityTemplates;

/// <summary>
/// identity-templates: every template frame (a template with one filler) filled with every identity term, run through
/// the classifier. Per term: mean P(positive), FPR on negative-filler frames, FNR on positive-filler frames; Dixon et
/// al.'s equality differences Σ_t |rate − rate_t| with the overall rate over all terms; and the largest gap between two
/// terms' mean scores. Intervals resample frames (each with every term), so terms stay paired.
/// </summary>
internal sealed class IdentityTemplatesProbe : IProbe
{
    private const string Sentences = "sentences";
    private static readonly string[] MetricNames = IdentityTemplatesKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => IdentityTemplatesKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => [];

    public IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics) =>
        context.Model?.TextColumn is null || TemplateSetReader.Read(check, diagnostics) is not { } set ? [] : [new TextRequest(Sentences, set.Sentences())];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        if (context.Texts.TryGetValue(Sentences, out var outputs) && PositiveClass(check, outputs).Index < 0)
        {
            var classes = Classes(outputs);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownClass, check.Values.LocationOf("positive_label"),
                $"check '{check.Id}': {(check.Values.Has("positive_label") ? "'positive_label'" : "the default positive label '1'")} is not one of the model's classes [{string.Join(", ", classes)}]; set 'positive_label' to the class whose probability is the score"));
        }
    }

    /// <summary>A model with K outputs has the classes 0..K−1 (at least 0 and 1).</summary>
    private static string[] Classes(ModelOutputs outputs) => LabelText.OutputClasses(outputs.Width);

    private static (string[] Classes, int Index) PositiveClass(CheckSpec check, ModelOutputs outputs)
    {
        var classes = Classes(outputs);
        return (classes, Array.IndexOf(classes, LabelText.Canonical(check.Values.String("positive_label"))));
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var set = TemplateSetReader.Read(check, [])!;
        var outputs = context.Texts[Sentences];
        var (classes, positive) = PositiveClass(check, outputs);
        var threshold = check.Values.GetDouble("threshold");
        var terms = set.Terms.Count;
        var frames = set.Frames.Count;
        var score = new double[frames * terms];
        var predictedPositive = new bool[score.Length];
        var p = new double[Math.Max(2, outputs.Width)];
        for (var i = 0; i < score.Length; i++)
        {
            outputs.Probabilities(i, p);
            score[i] = p[positive];
            predictedPositive[i] = threshold is { } t ? score[i] >= t : Probability.ArgMax(p) == positive;
        }

        var polarity = set.Frames.Select(f => f.Polarity).ToArray();
        var rates = new TermRates(terms);
        void Compute(int[] sample, Span<double> output)
        {
            rates.Measure(sample, polarity, score, predictedPositive);
            output[0] = rates.Fped();
            output[1] = rates.Fned();
            output[2] = rates.MaxGap();
        }

        var all = Enumerable.Range(0, frames).ToArray();
        var values = new double[MetricNames.Length];
        Compute(all, values);
        var perTerm = Enumerable.Range(0, terms).Select(t => (rates.Mean[t], rates.Fpr[t], rates.Fnr[t])).ToArray();
        var intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(frames, (c, f) =>
            c.Add((long)polarity[f]).Add(score.AsSpan(f * terms, terms)).Add(predictedPositive.AsSpan(f * terms, terms))), MetricNames, values, (sample, output) =>
        {
            var local = new TermRates(terms);
            local.Measure(sample, polarity, score, predictedPositive);
            output[0] = local.Fped();
            output[1] = local.Fned();
            output[2] = local.MaxGap();
        });

        var negatives = polarity.Count(x => x == FillerPolarity.Negative);
        var positives = polarity.Count(x => x == FillerPolarity.Positive);
        var groups = Enumerable.Range(0, terms).Select(t =>
        {
            var metrics = new List<MetricValue> { new("mean_score", perTerm[t].Item1) };
            if (negatives > 0)
            {
                metrics.Add(new("false_positive_rate", perTerm[t].Item2));
            }

            if (positives > 0)
            {
                metrics.Add(new("false_negative_rate", perTerm[t].Item3));
            }

            return new GroupReport(set.Terms[t], frames, false, metrics);
        }).ToList();

        var byScore = Enumerable.Range(0, terms).OrderBy(t => perTerm[t].Item1).ThenBy(t => t, Comparer<int>.Default).ToArray();
        JsonArray Terms(IEnumerable<int> picked) => [.. picked.Select(t => (JsonNode)new JsonObject { ["term"] = set.Terms[t], ["mean_score"] = perTerm[t].Item1 })];
        var undefined = new List<KeyValuePair<string, string>>();
        if (negatives == 0)
        {
            undefined.Add(new("fped", "no template sentence has a negative filler, so there is no false positive to count (add 'fillers: { negative: [...] }' and a template with {filler})"));
        }

        if (positives == 0)
        {
            undefined.Add(new("fned", "no template sentence has a positive filler, so there is no false negative to count (add 'fillers: { positive: [...] }' and a template with {filler})"));
        }

        return new ProbeResult
        {
            Count = score.Length,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = undefined,
            Groups = groups,
            Details = new JsonObject
            {
                ["positive_class"] = classes[positive],
                ["decision"] = threshold is { } th ? string.Create(CultureInfo.InvariantCulture, $"P({classes[positive]}) >= {th}") : "argmax",
                ["terms"] = terms,
                ["frames"] = new JsonObject { ["positive"] = positives, ["negative"] = negatives, ["neutral"] = frames - positives - negatives },
                ["overall_false_positive_rate"] = negatives > 0 ? perTerm.Average(x => x.Item2) : null,
                ["overall_false_negative_rate"] = positives > 0 ? perTerm.Average(x => x.Item3) : null,
                ["lowest_scored_terms"] = Terms(byScore.Take(5)),
                ["highest_scored_terms"] = Terms(byScore.Reverse().Take(5)),
            },
            Explain = metric => Explain(metric, set, perTerm, byScore, classes[positive]),
        };
    }

    private static string? Explain(string metric, TemplateSet set, (double Mean, double Fpr, double Fnr)[] perTerm, int[] byScore, string positiveClass)
    {
        string Rate(Func<(double Mean, double Fpr, double Fnr), double> of, string name)
        {
            var overall = perTerm.Average(of);
            var worst = Enumerable.Range(0, perTerm.Length).OrderByDescending(t => Math.Abs(of(perTerm[t]) - overall)).ThenBy(t => t).First();
            return string.Create(CultureInfo.InvariantCulture, $"furthest from the overall {name} {Numbers.Format(overall)}: '{set.Terms[worst]}' {Numbers.Format(of(perTerm[worst]))}");
        }

        return metric switch
        {
            "max_term_gap" => string.Create(CultureInfo.InvariantCulture, $"mean P({positiveClass}) '{set.Terms[byScore[0]]}' {Numbers.Format(perTerm[byScore[0]].Mean)} vs '{set.Terms[byScore[^1]]}' {Numbers.Format(perTerm[byScore[^1]].Mean)}"),
            "fped" => Rate(x => x.Fpr, "FPR"),
            "fned" => Rate(x => x.Fnr, "FNR"),
            _ => null,
        };
    }
}
