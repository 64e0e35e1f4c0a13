using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CatInherit.Model;

namespace CatInherit.Probes.Interpret;

/// <summary>
/// Token attributions without gradients: leave-one-out occlusion. For a text x and a class y, the importance of word i is
/// I_i = p_y(x) − p_y(x without word i) — positive when the word pushes the model toward y. A word is a run of letters or
/// digits (with an inner apostrophe); leaving it out removes it and one space beside it. Faithfulness as in ERASER
/// (DeYoung et al. 2020), for the rationale r = the top k = ⌈20%⌉ of the words by importance (at least one):
/// comprehensiveness = p_y(x) − p_y(x without r) (high: the words were needed), sufficiency = p_y(x) − p_y(r alone, in
/// order) (low: they suffice). Every text of a check goes to its model in two rounds (all occlusions, then all
/// rationales) through the engine's batching and cache.
/// </summary>
internal static class TokenAttributions
{
    /// <summary>The most examples a check explains.</summary>
    public const int PerCheck = 3;

    /// <summary>Texts with more words are not explained (one model query per word).</summary>
    public const int MaxWords = 128;

    /// <summary>The share of words in the rationale whose faithfulness is measured.</summary>
    public const double RationaleShare = 0.2;

    /// <summary>
    /// The attributions of <paramref name="examples"/> (those with 1 to <see cref="MaxWords"/> words), in order; an empty
    /// array when there is no query path or no text to explain.
    /// </summary>
    public static JsonArray Explain(ModelQuery? query, IReadOnlyList<AttributionExample> examples, IReadOnlyList<string> classes)
    {
        var result = new JsonArray();
        if (query?.Model.TextColumn is null)
        {
            return result;
        }

        var usable = examples
            .Select(e => (Example: e, Words: SliceFeatures.Word().Matches(e.Text).Select(m => (m.Index, m.Length)).ToArray()))
            .Where(e => e.Words.Length is > 0 and <= MaxWords)
            .ToList();
        if (usable.Count == 0)
        {
            return result;
        }

        // Round 1: each text, then the text without each of its words.
        var first = new List<string>();
        foreach (var (example, words) in usable)
        {
            first.Add(example.Text);
            for (var i = 0; i < words.Length; i++)
            {
                first.Add(Without(example.Text, words, [i]));
            }
        }

        var occluded = query.Texts(first);
        var probabilities = new double[Math.Max(2, occluded.Width)];
        double P(ModelOutputs outputs, int row, int cls)
        {
            outputs.Probabilities(row, probabilities);
            return cls < probabilities.Length ? probabilities[cls] : double.NaN;
        }

        var at = 0;
        var explained = new List<(AttributionExample Example, (int Index, int Length)[] Words, double Base, double[] Importance, int[] Top)>();
        foreach (var (example, words) in usable)
        {
            var p = P(occluded, at, example.Class);
            var importance = new double[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                importance[i] = p - P(occluded, at + 1 + i, example.Class);
            }

            at += 1 + words.Length;
            var k = Math.Max(1, (int)Math.Ceiling(RationaleShare * words.Length));
            var top = Enumerable.Range(0, words.Length).OrderByDescending(i => importance[i]).ThenBy(i => i).Take(k).Order().ToArray();
            explained.Add((example, words, p, importance, top));
        }

        // Round 2: each text without its rationale, and its rationale alone.
        var second = new List<string>();
        foreach (var (example, words, _, _, top) in explained)
        {
            second.Add(Without(example.Text, words, top));
            second.Add(string.Join(' ', top.Select(i => example.Text.Substring(words[i].Index, words[i].Length))));
        }

        var rationales = query.Texts(second);
        for (var e = 0; e < explained.Count; e++)
        {
            var (example, words, p, importance, top) = explained[e];
            result.Add(new JsonObject
            {
                ["example"] = example.Example,
                ["text"] = example.Text,
                ["class"] = example.Class < classes.Count ? classes[example.Class] : example.Class.ToString(CultureInfo.InvariantCulture),
                ["probability"] = p,
                ["words"] = new JsonArray([.. words.Select((w, i) => (JsonNode)new JsonObject
                {
                    ["word"] = example.Text.Substring(w.Index, w.Length),
                    ["start"] = w.Index,
                    ["importance"] = importance[i],
                })]),
                ["top_k"] = top.Length,
                ["top_words"] = new JsonArray([.. top.Select(i => (JsonNode)example.Text.Substring(words[i].Index, words[i].Length))]),
                ["comprehensiveness"] = p - P(rationales, 2 * e, example.Class),
                ["sufficiency"] = p - P(rationales, (2 * e) + 1, example.Class),
            });
        }

        return result;
    }

    /// <summary><paramref name="details"/> with the <c>attributions</c> added when there are any.</summary>
    public static JsonObject Into(JsonObject details, JsonArray attributions)
    {
        if (attributions.Count > 0)
        {
            details["attributions"] = attributions;
        }

        return details;
    }

    /// <summary>The text without the words at <paramref name="removed"/>, each with one space beside it: the one after it, else the one before.</summary>
    public static string Without(string text, (int Index, int Length)[] words, IReadOnlyList<int> removed)
    {
        // Right to left, so a word whose following space went with the next word takes the space before it.
        var drop = new bool[text.Length];
        foreach (var i in removed.OrderDescending())
        {
            var (start, length) = words[i];
            var end = start + length;
            if (end < text.Length && text[end] == ' ' && !drop[end])
            {
                end++;
            }
            else if (start > 0 && text[start - 1] == ' ' && !drop[start - 1])
            {
                start--;
            }

            Array.Fill(drop, true, start, end - start);
        }

        var kept = new StringBuilder(text.Length);
        for (var c = 0; c < text.Length; c++)
        {
            if (!drop[c])
            {
                kept.Append(text[c]);
            }
        }

        return kept.ToString();
    }
}
