using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;

namespace CatInherit.Probes.Perturbation;

/// <summary>
/// perturbation: CheckList's invariance (INV) and directional (DIR) tests. Each sampled text gets, per test, one seeded
/// perturbation of one word; an INV case fails when the predicted class changes, a DIR case when the positive-class
/// probability moves the wrong way by more than <c>tolerance</c>. Texts a test cannot change are not its cases.
/// </summary>
internal sealed class PerturbationProbe : IProbe
{
    private const int Examples = 3;
    private static readonly string[] MetricNames = PerturbationKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => PerturbationKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => model?.TextColumn is not null ? Model.ModelSession.Columns(model) : [];

    public IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics)
    {
        if (context.Table is not { } table || context.Model?.TextColumn is not { } column || PerturbationSources.For(check, diagnostics) is not { } sources)
        {
            return [];
        }

        var seed = ProbeSupport.DataSeed(check, context.Dataset);
        var texts = SampledTexts(check, table, column, seed);
        return [new TextRequest("clean", texts), new TextRequest("perturbed", [.. Cases(check, texts, sources, seed).Select(c => c.Text)])];
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        if (!context.Texts.TryGetValue("clean", out var clean))
        {
            return;
        }

        var classes = ProbeSupport.Classes(check, clean.Width);
        if (SelectedTests(check).Any(t => PerturbationKind.Directional.Contains(PerturbationKind.Tests[t])) && !classes.Contains(LabelText.Canonical(check.Values.String("positive_label"))))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownClass, check.Values.Has("positive_label") ? check.Values.LocationOf("positive_label") : check.Location,
                $"check '{check.Id}': the directional tests follow the probability of positive_label '{check.Values.String("positive_label")}', which is not one of the classes [{string.Join(", ", classes)}]; set 'positive_label'"));
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var seed = ProbeSupport.DataSeed(check, ProbeSupport.Dataset(check));
        var texts = SampledTexts(check, context.Input!.Table, context.Model!.TextColumn!, seed);
        var cases = Cases(check, texts, PerturbationSources.For(check, [])!, seed);
        var clean = ProbeSupport.Probabilities(context.Texts["clean"]);
        var perturbed = ProbeSupport.Probabilities(context.Texts["perturbed"]);
        var classes = ProbeSupport.Classes(check, context.Texts["clean"].Width);
        var positive = Array.IndexOf(classes, LabelText.Canonical(check.Values.String("positive_label")));
        var tolerance = check.Values.Double("tolerance");
        var selected = SelectedTests(check);

        // Each case: did it fail, and by how much did it move (for choosing examples)?
        var failed = new bool[cases.Count];
        var moved = new double[cases.Count];
        for (var c = 0; c < cases.Count; c++)
        {
            var (before, after) = (clean[cases[c].Source], perturbed[c]);
            if (cases[c].Polarity == 0)
            {
                var predicted = Probability.ArgMax(before);
                failed[c] = Probability.ArgMax(after) != predicted;
                moved[c] = before[predicted] - after[predicted];
            }
            else
            {
                // Negation should move the score against the adjective's polarity, an intensifier with it: the wrong way is the other.
                var expected = PerturbationKind.Tests[cases[c].Test] == "negation" ? -cases[c].Polarity : cases[c].Polarity;
                moved[c] = -expected * (after[positive] - before[positive]);
                failed[c] = moved[c] > tolerance;
            }
        }

        var bySource = Enumerable.Range(0, texts.Length).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < cases.Count; c++)
        {
            bySource[cases[c].Source].Add(c);
        }

        var values = new double[MetricNames.Length];
        void Compute(int[] sources, Span<double> output)
        {
            Span<int> total = stackalloc int[PerturbationKind.Tests.Count];
            Span<int> failing = stackalloc int[PerturbationKind.Tests.Count];
            foreach (var source in sources)
            {
                foreach (var c in bySource[source])
                {
                    total[cases[c].Test]++;
                    failing[cases[c].Test] += failed[c] ? 1 : 0;
                }
            }

            var all = 0;
            var allFailing = 0;
            for (var t = 0; t < PerturbationKind.Tests.Count; t++)
            {
                output[1 + t] = total[t] == 0 ? double.NaN : (double)failing[t] / total[t];
                all += total[t];
                allFailing += failing[t];
            }

            output[0] = all == 0 ? double.NaN : (double)allFailing / all;
        }

        var rows = Enumerable.Range(0, texts.Length).ToArray();
        Compute(rows, values);
        var undefined = new List<KeyValuePair<string, string>>();
        if (double.IsNaN(values[0]))
        {
            undefined.Add(new(MetricNames[0], $"no sampled text has a word any of the tests can change ({texts.Length} texts)"));
        }

        var groups = new List<GroupReport>();
        var details = new JsonObject();
        for (var t = 0; t < PerturbationKind.Tests.Count; t++)
        {
            var test = PerturbationKind.Tests[t];
            var ofTest = Enumerable.Range(0, cases.Count).Where(c => cases[c].Test == t).ToList();
            if (!selected.Contains(t))
            {
                undefined.Add(new(MetricNames[1 + t], $"the '{test}' test is not among this check's tests"));
                continue;
            }

            if (ofTest.Count == 0)
            {
                undefined.Add(new(MetricNames[1 + t], $"no sampled text has a word the '{test}' test can change"));
                continue;
            }

            groups.Add(new GroupReport(test, ofTest.Count, false, [new MetricValue("failure_rate", values[1 + t])]));
            details[test] = new JsonObject
            {
                ["cases"] = ofTest.Count,
                ["failures"] = ofTest.Count(c => failed[c]),
                ["failing_examples"] = new JsonArray([.. ofTest.Where(c => failed[c]).OrderByDescending(c => moved[c]).ThenBy(c => c).Take(Examples).Select(c => Example(cases[c], texts, clean, perturbed[c], classes, positive))]),
            };
        }

        details["samples"] = texts.Length;

        // The words behind the failures that moved most: the text and its perturbed copy, for the class predicted on the text.
        var explained = Enumerable.Range(0, cases.Count).Where(c => failed[c]).OrderByDescending(c => moved[c]).ThenBy(c => c).Take(TokenAttributions.PerCheck).ToArray();
        var examples = explained.SelectMany((c, rank) =>
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"failure {rank + 1} ({PerturbationKind.Tests[cases[c].Test]}: {cases[c].Change})");
            var predicted = Probability.ArgMax(clean[cases[c].Source]);
            return new[] { new AttributionExample($"{label}, text", texts[cases[c].Source], predicted), new AttributionExample($"{label}, perturbed", cases[c].Text, predicted) };
        }).ToList();
        TokenAttributions.Into(details, TokenAttributions.Explain(context.Query, examples, classes));
        return new ProbeResult
        {
            Count = cases.Count,
            Metrics = [.. MetricNames.Select((n, m) => new KeyValuePair<string, double>(n, values[m]))],
            Intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(rows.Length, (c, source) =>
            {
                // A text is the tests its cases ran and whether each failed.
                foreach (var k in bySource[source])
                {
                    c = c.Add(cases[k].Test).Add(failed[k]);
                }

                return c;
            }), MetricNames, values, Compute),
            Undefined = undefined,
            Groups = groups,
            Details = details,
            Explain = _ => groups.Count == 0 ? null : Explain(groups, details),
        };
    }

    /// <summary>The check's sample of the dataset's texts.</summary>
    private static string[] SampledTexts(CheckSpec check, DataTable table, string column, ulong seed)
    {
        var values = table.Column<TextColumn>(column).Values;
        return [.. RowSample.Choose(values.Length, check.Values.Int("samples"), seed).Select(r => values[r])];
    }

    /// <summary>Indices into <see cref="PerturbationKind.Tests"/> of the tests the check runs.</summary>
    private static HashSet<int> SelectedTests(CheckSpec check) =>
        check.Values.GetStrings("tests") is { Count: > 0 } named
            ? [.. named.Select(n => PerturbationKind.Tests.ToList().IndexOf(n)).Where(i => i >= 0)]
            : [.. Enumerable.Range(0, PerturbationKind.Tests.Count)];

    /// <summary>Every case, test by test in report order, then text by text; seeded by the data seed, the test and the text.</summary>
    internal static List<PerturbationCase> Cases(CheckSpec check, IReadOnlyList<string> texts, PerturbationSources sources, ulong seed)
    {
        var selected = SelectedTests(check);
        var cases = new List<PerturbationCase>();
        for (var t = 0; t < PerturbationKind.Tests.Count; t++)
        {
            if (!selected.Contains(t))
            {
                continue;
            }

            var test = PerturbationKind.Tests[t];
            var stream = StableHash.Of(test) ^ seed;
            for (var i = 0; i < texts.Count; i++)
            {
                var rng = Xoshiro256.ForStream(stream, (ulong)i);
                if (Perturb(test, texts[i], sources, ref rng) is { } perturbed)
                {
                    cases.Add(new PerturbationCase(t, i, perturbed.Text, perturbed.Polarity, perturbed.Change));
                }
            }
        }

        return cases;
    }

    /// <summary>One perturbation of one word of <paramref name="text"/> by <paramref name="test"/>, or null when no word allows it.</summary>
    internal static (string Text, int Polarity, string Change)? Perturb(string test, string text, PerturbationSources sources, ref Xoshiro256 rng)
    {
        var spans = TextWords.Spans(text);
        var words = spans.Select(s => text.Substring(s.Start, s.Length)).ToArray();
        if (test is "negation" or "intensifier")
        {
            var sites = Enumerable.Range(0, words.Length)
                .Where(i => PerturbationSources.Polarity.ContainsKey(words[i].ToLowerInvariant()) && !Negated(words, i))
                .ToArray();
            if (sites.Length == 0)
            {
                return null;
            }

            var at = sites[rng.NextInt(sites.Length)];
            var added = test == "negation" ? "not" : PerturbationSources.Intensifiers[rng.NextInt(PerturbationSources.Intensifiers.Count)];
            var polarity = PerturbationSources.Polarity[words[at].ToLowerInvariant()] ? 1 : -1;
            return (TextWords.Insert(text, spans, at, added), polarity, $"{words[at]} → {added} {words[at]}");
        }

        // Invariance: try the words in a seeded order until one can be changed (char-level tests leave words under 3 letters alone).
        var order = Enumerable.Range(0, words.Length).Where(i => test == "synonym" ? sources.SynonymsOf(words[i]).Count > 0 : words[i].Length >= 3).ToArray();
        for (var k = 0; k < order.Length; k++)
        {
            var j = k + rng.NextInt(order.Length - k);
            (order[k], order[j]) = (order[j], order[k]);
            var word = words[order[k]];
            string? changed;
            if (test == "synonym")
            {
                var synonyms = sources.SynonymsOf(word);
                changed = synonyms[rng.NextInt(synonyms.Count)];
            }
            else
            {
                changed = test switch
                {
                    "typo" => PerturbationSources.Typo(word, ref rng),
                    "misspelling" => sources.Misspell(word, ref rng),
                    _ => PerturbationSources.Homoglyph(word, ref rng),
                };
            }

            if (changed is not null && changed != word)
            {
                return (TextWords.Replace(text, spans, order[k], changed), 0, $"{word} → {changed}");
            }
        }

        return null;
    }

    /// <summary>Whether a negation stands within two words before word <paramref name="i"/> (then "not" or "very" would change its sense).</summary>
    private static bool Negated(string[] words, int i)
    {
        for (var k = Math.Max(0, i - 2); k < i; k++)
        {
            var w = words[k].ToLowerInvariant();
            if (PerturbationSources.Negations.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonObject Example(PerturbationCase c, string[] texts, double[][] clean, double[] after, string[] classes, int positive)
    {
        var before = clean[c.Source];
        var example = new JsonObject
        {
            ["text"] = texts[c.Source],
            ["perturbed"] = c.Text,
            ["change"] = c.Change,
            ["before"] = classes[Probability.ArgMax(before)],
            ["after"] = classes[Probability.ArgMax(after)],
        };
        if (c.Polarity != 0 && positive >= 0)
        {
            example["p_positive_before"] = before[positive];
            example["p_positive_after"] = after[positive];
        }

        return example;
    }

    private static string Explain(List<GroupReport> groups, JsonObject details)
    {
        var worst = groups.MaxBy(g => g.Metrics[0].Value)!;
        var text = string.Create(CultureInfo.InvariantCulture, $"worst test: {worst.Name}, failure rate {Numbers.Format(worst.Metrics[0].Value)} of {worst.Count} cases");
        if (details[worst.Name]?["failing_examples"] is JsonArray { Count: > 0 } examples && examples[0] is JsonObject first)
        {
            text += $"; e.g. {first["change"]}: '{first["perturbed"]}' {first["before"]} → {first["after"]}";
        }

        return text;
    }
}
