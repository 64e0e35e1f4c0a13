using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Probes.Perturbation;

namespace CatInherit.Probes.Adversarial;

/// <summary>
/// TextAttack's greedy search with word importance ranking (GreedyWordSwapWIR, "delete"): each word's importance is
/// the drop of the true class's probability when it is deleted; words are then tried most important first, each
/// replaced by its substitutions (WordNet synonyms, a misspelling, a homoglyph, a typo), keeping the substitution that
/// lowers the true class's probability most — if it lowers it at all — until the prediction flips, ceil(max_words ×
/// words) words have changed, the words run out, or the input's queries reach <c>max_queries</c>. Every input under
/// attack advances in the same round: all their candidates go to the model as one batch.
/// </summary>
internal sealed class WordSubstitutionAttack(PerturbationSources sources, ModelQuery query, int maxQueries, double maxWords, ulong seed)
{
    /// <summary>Attacks every input; <paramref name="clean"/> are the model's probabilities on the inputs as they are (one query each).</summary>
    public AttackOutcome[] Run(string[] texts, int[] labels, double[][] clean)
    {
        var n = texts.Length;
        var spans = texts.Select(TextWords.Spans).ToArray();
        var words = texts.Select((t, i) => spans[i].Select(s => t.Substring(s.Start, s.Length)).ToArray()).ToArray();
        var current = words.Select(w => (string[])w.Clone()).ToArray();
        var queries = Enumerable.Repeat(1, n).ToArray();
        var probability = clean.Select((p, i) => (double)p[labels[i]]).ToArray();
        var predicted = clean.Select(p => Probability.ArgMax(p)).ToArray();
        var changes = Enumerable.Range(0, n).Select(_ => new List<string>()).ToArray();
        var active = Enumerable.Range(0, n).Where(i => predicted[i] == labels[i] && words[i].Length > 0 && queries[i] < maxQueries).ToList();
        var succeeded = new bool[n];

        // Round 1: leave-one-out deletions rank the words (as many as each input's budget allows, in word order).
        var order = new int[n][];
        var deletions = new List<(int Input, int Word, string Text)>();
        foreach (var i in active)
        {
            foreach (var w in Enumerable.Range(0, Math.Min(words[i].Length, maxQueries - queries[i])))
            {
                deletions.Add((i, w, TextWords.Delete(texts[i], spans[i], w)));
            }
        }

        var deleted = Ask(deletions.Select(d => d.Text).ToList());
        var importance = words.Select(w => Enumerable.Repeat(double.NegativeInfinity, w.Length).ToArray()).ToArray();
        for (var k = 0; k < deletions.Count; k++)
        {
            var (i, w, _) = deletions[k];
            importance[i][w] = probability[i] - deleted[k][labels[i]];
            queries[i]++;
        }

        foreach (var i in active)
        {
            order[i] = [.. Enumerable.Range(0, words[i].Length).OrderByDescending(w => importance[i][w]).ThenBy(w => w)];
        }

        // Then one word per round for every input still under attack.
        var next = new int[n];
        var allowed = words.Select(w => (int)Math.Ceiling(maxWords * w.Length)).ToArray();
        while (true)
        {
            active = [.. active.Where(i => !succeeded[i] && next[i] < order[i].Length && changes[i].Count < allowed[i] && queries[i] < maxQueries)];
            if (active.Count == 0)
            {
                break;
            }

            var candidates = new List<(int Input, int Word, string Replacement, string Text)>();
            foreach (var i in active)
            {
                var w = order[i][next[i]++];
                var rng = Xoshiro256.ForStream(seed ^ StableHash.Of($"substitute {w}"), (ulong)i);
                foreach (var replacement in sources.Substitutions(words[i][w], ref rng).Take(maxQueries - queries[i]))
                {
                    var trial = (string[])current[i].Clone();
                    trial[w] = replacement;
                    candidates.Add((i, w, replacement, Compose(texts[i], spans[i], trial)));
                }
            }

            var answers = Ask(candidates.Select(c => c.Text).ToList());
            foreach (var group in Enumerable.Range(0, candidates.Count).GroupBy(k => candidates[k].Input))
            {
                var i = group.Key;
                queries[i] += group.Count();

                // The best candidate: lowest probability of the true class (a flip among them wins), first in order on a tie.
                var best = group.OrderBy(k => Probability.ArgMax(answers[k]) == labels[i] ? 1 : 0).ThenBy(k => answers[k][labels[i]]).ThenBy(k => k).First();
                var flipped = Probability.ArgMax(answers[best]) != labels[i];
                if (flipped || answers[best][labels[i]] < probability[i])
                {
                    var (_, w, replacement, _) = candidates[best];
                    changes[i].Add($"{words[i][w]} → {replacement}");
                    current[i][w] = replacement;
                    probability[i] = answers[best][labels[i]];
                    predicted[i] = Probability.ArgMax(answers[best]);
                    succeeded[i] = flipped;
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => new AttackOutcome(
            Probability.ArgMax(clean[i]) != labels[i] ? AttackStatus.Skipped : succeeded[i] ? AttackStatus.Succeeded : AttackStatus.Failed,
            queries[i],
            words[i].Length == 0 ? 0 : (double)changes[i].Count / words[i].Length,
            predicted[i],
            Compose(texts[i], spans[i], current[i]),
            changes[i]))];
    }

    /// <summary>One round: every candidate text of every input in one request.</summary>
    private double[][] Ask(List<string> texts) => ProbeSupport.Probabilities(query.Texts(texts));

    /// <summary>The original text with its words replaced by <paramref name="words"/> (spaces and punctuation as they were).</summary>
    private static string Compose(string text, (int Start, int Length)[] spans, string[] words)
    {
        var result = new System.Text.StringBuilder(text.Length + 16);
        var at = 0;
        for (var w = 0; w < spans.Length; w++)
        {
            result.Append(text, at, spans[w].Start - at).Append(words[w]);
            at = spans[w].Start + spans[w].Length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }
}
