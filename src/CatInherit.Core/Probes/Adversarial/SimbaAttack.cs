using System.Globalization;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Probes.Perturbation;

namespace CatInherit.Probes.Adversarial;

/// <summary>
/// SimBA in the pixel basis (Guo et al. 2019, "Simple Black-box Adversarial Attacks"): features are visited in a seeded
/// random order; each is moved by −step, and if that does not lower the true class's probability, by +step (each try
/// is one query); a move that lowers it is kept. Values are clipped to [lower, upper], and a move is only tried while
/// the perturbation's L2 norm stays within <c>epsilon</c>. The attack on an input ends when its prediction flips, its
/// queries reach <c>max_queries</c>, or no feature is left. Every input under attack advances in the same round.
/// </summary>
internal sealed class SimbaAttack(ModelQuery query, int maxQueries, double epsilon, double step, float lower, float upper, ulong seed)
{
    public AttackOutcome[] Run(float[][] inputs, int[] labels, double[][] clean)
    {
        var n = inputs.Length;
        var d = n == 0 ? 0 : inputs[0].Length;
        var x = inputs.Select(r => (float[])r.Clone()).ToArray();
        var queries = Enumerable.Repeat(1, n).ToArray();
        var probability = clean.Select((p, i) => (double)p[labels[i]]).ToArray();
        var predicted = clean.Select(p => Probability.ArgMax(p)).ToArray();
        var norm2 = new double[n];
        var position = new int[n];
        var sign = Enumerable.Repeat(-1, n).ToArray();
        var order = Enumerable.Range(0, n).Select(i =>
        {
            var rng = Xoshiro256.ForStream(seed ^ StableHash.Of("simba"), (ulong)i);
            var perm = Enumerable.Range(0, d).ToArray();
            for (var k = d - 1; k > 0; k--)
            {
                var j = rng.NextInt(k + 1);
                (perm[k], perm[j]) = (perm[j], perm[k]);
            }

            return perm;
        }).ToArray();
        var attacking = Enumerable.Range(0, n).Where(i => predicted[i] == labels[i]).ToHashSet();
        var succeeded = new bool[n];
        while (true)
        {
            // Each input's next move that changes something and fits the budget; inputs with none left stop.
            var moves = new List<(int Input, int Feature, float Value)>();
            foreach (var i in attacking.Order().ToList())
            {
                if (queries[i] >= maxQueries || NextMove(i) is not { } move)
                {
                    attacking.Remove(i);
                    continue;
                }

                moves.Add((i, move.Feature, move.Value));
            }

            if (moves.Count == 0)
            {
                break;
            }

            var rows = moves.Select(m =>
            {
                var row = (float[])x[m.Input].Clone();
                row[m.Feature] = m.Value;
                return row;
            }).ToList();
            var answers = ProbeSupport.Probabilities(query.Features(rows));
            for (var k = 0; k < moves.Count; k++)
            {
                var (i, feature, value) = moves[k];
                queries[i]++;
                var p = answers[k][labels[i]];
                var flipped = Probability.ArgMax(answers[k]) != labels[i];
                if (flipped || p < probability[i])
                {
                    var change = value - x[i][feature];
                    norm2[i] += change * change;
                    x[i][feature] = value;
                    probability[i] = p;
                    predicted[i] = Probability.ArgMax(answers[k]);
                    Advance(i);
                    if (flipped)
                    {
                        succeeded[i] = true;
                        attacking.Remove(i);
                    }
                }
                else if (sign[i] < 0)
                {
                    sign[i] = 1;
                }
                else
                {
                    Advance(i);
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var changed = Enumerable.Range(0, d).Count(f => x[i][f] != inputs[i][f]);
            return new AttackOutcome(
                Probability.ArgMax(clean[i]) != labels[i] ? AttackStatus.Skipped : succeeded[i] ? AttackStatus.Succeeded : AttackStatus.Failed,
                queries[i],
                d == 0 ? 0 : (double)changed / d,
                predicted[i],
                null,
                [string.Create(CultureInfo.InvariantCulture, $"{changed} features changed, L2 {Math.Sqrt(norm2[i]):0.####}")]);
        })];

        void Advance(int i)
        {
            position[i]++;
            sign[i] = -1;
        }

        // Skips moves that change nothing (a value already at its bound) or would leave the L2 budget.
        (int Feature, float Value)? NextMove(int i)
        {
            while (position[i] < d)
            {
                var feature = order[i][position[i]];
                var value = Math.Clamp(x[i][feature] + (sign[i] * (float)step), lower, upper);
                var change = (double)value - x[i][feature];
                if (change != 0 && norm2[i] + (change * change) <= (epsilon * epsilon) + 1e-12)
                {
                    return (feature, value);
                }

                if (sign[i] < 0)
                {
                    sign[i] = 1;
                }
                else
                {
                    Advance(i);
                }
            }

            return null;
        }
    }
}
