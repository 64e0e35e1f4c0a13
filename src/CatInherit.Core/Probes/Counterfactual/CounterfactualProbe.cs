using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;

namespace CatInherit.Probes.Counterfactual;

/// <summary>
/// counterfactual: each text and its twin with gendered words or names swapped go through the model;
/// flip_rate is the share of pairs whose predicted class changes, delta the change of the positive-class
/// probability (twin − original). Texts with nothing to swap are skipped. Paired bootstrap over pairs.
/// </summary>
internal sealed partial class CounterfactualProbe : IProbe
{
    private const string Originals = "originals";
    private const string Twins = "twins";
    private static readonly string[] MetricNames = CounterfactualKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => CounterfactualKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) =>
        model?.TextColumn is { } text && check.Dataset is not null
            ? [new ColumnRequest(text, ColumnKind.Text, model.Inputs.LocationOf("text"), "model input text")]
            : [];

    /// <summary>Each text and its twin; the model was checked at load (<see cref="CounterfactualKind"/>).</summary>
    public IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics)
    {
        if (context.Model?.TextColumn is not { } textColumn)
        {
            return [];
        }

        var pairs = Pairs(check, context.Table, textColumn, diagnostics);
        return pairs is null ? [] : [new TextRequest(Originals, pairs.Texts), new TextRequest(Twins, pairs.Twins)];
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        if (context.Texts.TryGetValue(Originals, out var outputs) && PositiveClass(check, context, outputs).Index < 0)
        {
            var classes = Classes(context, outputs);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownClass, check.Values.LocationOf("positive_label"),
                $"check '{check.Id}': {(check.Values.Has("positive_label") ? "'positive_label'" : "the default positive label '1'")} is not one of the model's classes [{string.Join(", ", classes)}]; set 'positive_label' to the class whose probability should not move"));
        }
    }

    /// <summary>The dataset's classes, or 0..K-1 for a model with K outputs (at least 0, 1).</summary>
    private static string[] Classes(ProbeContext context, ModelOutputs outputs) =>
        context.Input?.Predictions?.Classes ?? LabelText.OutputClasses(outputs.Width);

    private static (string[] Classes, int Index) PositiveClass(CheckSpec check, ProbeContext context, ModelOutputs outputs)
    {
        var classes = Classes(context, outputs);
        return (classes, Array.IndexOf(classes, LabelText.Canonical(check.Values.String("positive_label"))));
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var input = context.Input;
        var pairs = Pairs(check, input?.Table, context.Model?.TextColumn, [])!;
        var original = context.Texts[Originals];
        var twin = context.Texts[Twins];
        var (classes, positive) = PositiveClass(check, context, original);
        var n = pairs.Texts.Count;
        var flips = new bool[n];
        var deltas = new double[n];
        var p = new double[Math.Max(2, original.Width)];
        var q = new double[p.Length];
        var before = new double[n];
        var after = new double[n];
        for (var i = 0; i < n; i++)
        {
            original.Probabilities(i, p);
            twin.Probabilities(i, q);
            flips[i] = Probability.ArgMax(p) != Probability.ArgMax(q);
            before[i] = p[positive];
            after[i] = q[positive];
            deltas[i] = after[i] - before[i];
        }

        var values = new double[MetricNames.Length];
        Compute(flips, deltas, Enumerable.Range(0, n).ToArray(), values);
        var intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(n, (c, i) => c.Add(flips[i]).Add(deltas[i]), "pair"), MetricNames, values, (rows, output) => Compute(flips, deltas, rows, output));

        var worst = Enumerable.Range(0, n).OrderByDescending(i => Math.Abs(deltas[i])).ThenBy(i => i).Take(5)
            .Select(i => (JsonNode)new JsonObject
            {
                ["text"] = pairs.Texts[i],
                ["twin"] = pairs.Twins[i],
                ["score"] = before[i],
                ["twin_score"] = after[i],
                ["delta"] = deltas[i],
                ["flipped"] = flips[i],
            }).ToArray();
        // The words behind the pairs that flip (else move) most: the text and its twin, for the class predicted on the text.
        var explained = Enumerable.Range(0, n).OrderByDescending(i => flips[i]).ThenByDescending(i => Math.Abs(deltas[i])).ThenBy(i => i).Take(TokenAttributions.PerCheck).ToArray();
        var examples = explained.SelectMany((i, rank) =>
        {
            original.Probabilities(i, p);
            var label = string.Create(CultureInfo.InvariantCulture, $"pair {rank + 1}{(flips[i] ? " (flips)" : string.Empty)}");
            return new[] { new AttributionExample($"{label}, text", pairs.Texts[i], Probability.ArgMax(p)), new AttributionExample($"{label}, twin", pairs.Twins[i], Probability.ArgMax(p)) };
        }).ToList();
        var attributions = TokenAttributions.Explain(context.Query, examples, classes);
        var warnings = pairs.Skipped > 0
            ? new[] { string.Create(CultureInfo.InvariantCulture, $"{pairs.Skipped} of {pairs.Skipped + n} texts contain no word of the swap list and were skipped") }
            : [];
        return new ProbeResult
        {
            Count = n,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = n == 0 ? [.. MetricNames.Select(m => new KeyValuePair<string, string>(m, "no text contains a word of the swap list, so there is no pair to compare"))] : [],
            Warnings = warnings,
            Details = TokenAttributions.Into(new JsonObject { ["positive_class"] = classes[positive], ["worst_pairs"] = new JsonArray(worst) }, attributions),
            Explain = _ => n == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"largest change: \"{pairs.Texts[WorstIndex(deltas)]}\" → \"{pairs.Twins[WorstIndex(deltas)]}\" moves P({classes[positive]}) by {deltas[WorstIndex(deltas)]:+0.####;-0.####}"),
        };
    }

    private static int WorstIndex(double[] deltas) => Enumerable.Range(0, deltas.Length).OrderByDescending(i => Math.Abs(deltas[i])).ThenBy(i => i).First();

    private static void Compute(bool[] flips, double[] deltas, int[] indices, Span<double> output)
    {
        if (indices.Length == 0)
        {
            output.Fill(double.NaN);
            return;
        }

        double flipped = 0, sum = 0, max = 0;
        foreach (var i in indices)
        {
            flipped += flips[i] ? 1 : 0;
            var abs = Math.Abs(deltas[i]);
            sum += abs;
            max = Math.Max(max, abs);
        }

        output[0] = flipped / indices.Length;
        output[1] = sum / indices.Length;
        output[2] = max;
    }

    internal sealed record PairSet(List<string> Texts, List<string> Twins, int Skipped);

    /// <summary>The texts that change under the swap list, with their twins; null after reporting a problem.</summary>
    internal static PairSet? Pairs(CheckSpec check, DataTable? table, string? textColumn, List<Diagnostic> diagnostics)
    {
        var swaps = LoadSwaps(check, diagnostics);
        if (swaps is null)
        {
            return null;
        }

        IEnumerable<string> candidates;
        if (check.Values.GetString("template") is { } template)
        {
            var expanded = ExpandTemplate(check, template, swaps, diagnostics);
            if (expanded is null)
            {
                return null;
            }

            candidates = expanded;
        }
        else if (table is not null && textColumn is not null && table.Has(textColumn))
        {
            candidates = table.Column<TextColumn>(textColumn).Values;
        }
        else
        {
            return null;
        }

        var texts = new List<string>();
        var twins = new List<string>();
        var skipped = 0;
        foreach (var text in candidates)
        {
            if (swaps.Swap(text) is { } twin)
            {
                texts.Add(text);
                twins.Add(twin);
            }
            else
            {
                skipped++;
            }
        }

        return new PairSet(texts, twins, skipped);
    }

    private static SwapList? LoadSwaps(CheckSpec check, List<Diagnostic> diagnostics)
    {
        if (check.Values.GetString("swap") is { } name)
        {
            return SwapList.Load(name);
        }

        var files = check.Values.Child("swap");
        var from = WordListFile.Read(check, files, "from", diagnostics);
        var to = WordListFile.Read(check, files, "to", diagnostics);
        if (from is null || to is null)
        {
            return null;
        }

        if (from.Count != to.Count)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf("swap"), string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}': the swap lists pair line by line, but 'from' has {from.Count} words and 'to' has {to.Count}")));
            return null;
        }

        return SwapList.FromPairs([.. from.Zip(to)]);
    }

    private static List<string>? ExpandTemplate(CheckSpec check, string template, SwapList swaps, List<Diagnostic> diagnostics)
    {
        var placeholders = Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().ToList();
        var at = check.Values.LocationOf("template");
        if (!placeholders.Contains("swap"))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, at, $"check '{check.Id}': the template has no '{{swap}}' placeholder; write where the swapped word goes, e.g. \"{{swap}} was a great {{role}}.\""));
            return null;
        }

        var fill = check.Values.Child("fill");
        var lists = new List<(string Name, IReadOnlyList<string> Words)> { ("swap", swaps.Sources) };
        foreach (var name in placeholders.Where(p => p != "swap"))
        {
            // A single value naming an existing file is a word list (one word per line); otherwise the words themselves.
            var words = fill.Has(name) ? fill.GetStrings(name) : [];
            if (words is [var single] && File.Exists(Path.Combine(check.BaseDirectory, single)))
            {
                words = WordListFile.Read(check, fill, name, diagnostics) ?? [];
            }

            if (words.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, fill.Has(name) ? fill.LocationOf(name) : at, $"check '{check.Id}': the template's placeholder '{{{name}}}' has no words; add 'fill: {{ {name}: [...] }}'"));
                return null;
            }

            lists.Add((name, words));
        }

        var texts = new List<string> { template };
        foreach (var (name, words) in lists)
        {
            texts = [.. texts.SelectMany(t => words.Select(w => t.Replace("{" + name + "}", w, StringComparison.Ordinal)))];
        }

        return texts;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
