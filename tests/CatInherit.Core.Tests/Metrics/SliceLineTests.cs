using CatInherit.Metrics;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Metrics;

/// <summary>
/// SliceLine against a brute-force enumeration of every slice on small data (the same top-k, the same scores to 1e-12),
/// against an exact enumeration in Python (Fixtures/make_sliceline_fixtures.py), by hand on a tiny case, and the normal quantile and Wilson intervals against Python (Fixtures/make_proportion_fixtures.py).
/// </summary>
public sealed class SliceLineTests
{
    /// <summary>Every conjunction of up to <paramref name="maxPredicates"/> predicates on distinct features that some row satisfies, scored directly.</summary>
    private static List<(int Feature, int Level)[]> BruteForce(int[][] codes, double[] errors, int k, int support, double alpha, int maxPredicates, out Dictionary<string, double> scores)
    {
        var n = errors.Length;
        var average = errors.Sum() / n;
        var found = new List<((int Feature, int Level)[] Predicates, double Score)>();
        scores = [];
        var features = codes.Length;
        for (var mask = 1; mask < 1 << features; mask++)
        {
            var chosen = Enumerable.Range(0, features).Where(f => (mask & (1 << f)) != 0).ToArray();
            if (chosen.Length > maxPredicates)
            {
                continue;
            }

            // Each combination of levels present in the data: group rows by their levels on the chosen features.
            var groups = Enumerable.Range(0, n).Where(r => chosen.All(f => codes[f][r] >= 0)).GroupBy(r => string.Join(",", chosen.Select(f => codes[f][r])));
            foreach (var group in groups)
            {
                var rows = group.ToArray();
                double size = rows.Length;
                var errorSum = rows.Sum(r => errors[r]);

                // SliceLine's score, written out here on its own: α·((e_s/n_s)/ē − 1) − (1 − α)·(n/n_s − 1).
                var score = (alpha * ((errorSum / size / average) - 1)) - ((1 - alpha) * ((n / size) - 1));
                if (rows.Length >= support && score > 0)
                {
                    var predicates = chosen.Select(f => (f, codes[f][rows[0]])).ToArray();
                    found.Add((predicates, score));
                    scores[Key(predicates)] = score;
                }
            }
        }

        // Higher score first, then fewer predicates, then the predicates in (feature, level) order.
        found.Sort((x, y) =>
        {
            var c = y.Score.CompareTo(x.Score);
            if (c != 0)
            {
                return c;
            }

            c = x.Predicates.Length.CompareTo(y.Predicates.Length);
            for (var i = 0; c == 0 && i < x.Predicates.Length; i++)
            {
                c = x.Predicates[i].CompareTo(y.Predicates[i]);
            }

            return c;
        });
        return [.. found.Take(k).Select(f => f.Predicates)];
    }

    private static string Key((int Feature, int Level)[] predicates) => string.Join(" ∧ ", predicates.Select(p => $"f{p.Feature}={p.Level}"));

    /// <summary>Random data with planted error pockets, some missing values and, optionally, fractional errors.</summary>
    private static (int[][] Codes, int[] Levels, double[] Errors) Data(int seed, int rows, int[] levels, bool fractional = false, bool missing = false)
    {
        var random = new Random(seed);
        var codes = levels.Select(l => Enumerable.Range(0, rows).Select(_ => random.Next(l)).ToArray()).ToArray();
        if (missing)
        {
            for (var r = 0; r < rows; r += 7)
            {
                codes[^1][r] = -1;
            }
        }

        var errors = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            // Errors concentrate where feature 0 is 0 and feature 1 is 1; a little everywhere else.
            var rate = codes[0][r] == 0 && codes[1][r] == 1 ? 0.9 : codes[2 % levels.Length][r] == 1 ? 0.4 : 0.03;
            errors[r] = fractional ? Math.Round(random.NextDouble() * rate * 2, 3) : random.NextDouble() < rate ? 1 : 0;
        }

        return (codes, levels, errors);
    }

    public static TheoryData<int, int, int, double, int, bool, bool> Cases() => new()
    {
        { 1, 4, 10, 0.95, 3, false, false },
        { 2, 1, 1, 0.9, 3, false, false },
        { 3, 10, 5, 0.8, 3, false, false },
        { 4, 4, 20, 0.99, 2, false, false },
        { 5, 6, 2, 0.95, 1, false, false },
        { 6, 4, 10, 0.95, 3, true, false },
        { 7, 8, 10, 0.9, 3, false, true },
        { 8, 3, 40, 0.85, 3, true, true },
        { 9, 50, 3, 0.95, 3, false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_top_k_and_their_scores_are_those_of_scoring_every_slice(int seed, int k, int support, double alpha, int maxPredicates, bool fractional, bool missing)
    {
        var (codes, levels, errors) = Data(seed, 400, [2, 3, 2, 3, 2], fractional, missing);

        var result = SliceLine.Find(codes, levels, errors, new SliceLineOptions(k, support, alpha, maxPredicates));
        var expected = BruteForce(codes, errors, k, support, alpha, maxPredicates, out var scores);

        Assert.Equal(expected.Select(Key), result.Top.Select(s => Key(s.Predicates)));
        Assert.NotEmpty(result.Top);
        foreach (var slice in result.Top)
        {
            Assert.Equal(scores[Key(slice.Predicates)], slice.Score, 1e-12);
            var rows = Enumerable.Range(0, errors.Length).Where(r => slice.Predicates.All(p => codes[p.Feature][r] == p.Level)).ToArray();
            Assert.Equal(rows.Length, slice.Size);
            Assert.Equal(rows.Sum(r => errors[r]), slice.ErrorSum, 1e-9);
        }

        Assert.Equal(errors.Average(), result.AverageError, 1e-15);
    }

    [Fact]
    public void The_top_k_match_an_exact_enumeration_in_python()
    {
        // Fixtures/make_sliceline_fixtures.py scores every slice in rational arithmetic and ranks them exactly.
        var cases = 0;
        foreach (var data in Fixture.Load("sliceline.json").GetProperty("datasets").EnumerateArray())
        {
            int[][] codes = [.. data.GetProperty("codes").EnumerateArray().Select(f => f.EnumerateArray().Select(v => v.GetInt32()).ToArray())];
            int[] levels = [.. data.GetProperty("levels").EnumerateArray().Select(v => v.GetInt32())];
            double[] errors = [.. data.GetProperty("errors").EnumerateArray().Select(v => v.GetDouble())];
            foreach (var c in data.GetProperty("cases").EnumerateArray())
            {
                var options = new SliceLineOptions(c.GetProperty("k").GetInt32(), c.GetProperty("min_support").GetInt32(), c.GetProperty("alpha").GetDouble(), c.GetProperty("max_predicates").GetInt32());
                var expected = c.GetProperty("top").EnumerateArray().ToArray();

                var result = SliceLine.Find(codes, levels, errors, options);

                Assert.Equal(
                    expected.Select(t => string.Join(" ∧ ", t.GetProperty("predicates").EnumerateArray().Select(p => $"f{p[0].GetInt32()}={p[1].GetInt32()}"))),
                    result.Top.Select(s => Key(s.Predicates)));
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i].GetProperty("size").GetInt32(), result.Top[i].Size);
                    Assert.Equal(expected[i].GetProperty("error_sum").GetDouble(), result.Top[i].ErrorSum);
                    Assert.Equal(expected[i].GetProperty("score").GetDouble(), result.Top[i].Score, 1e-12);
                }

                cases++;
            }
        }

        Assert.Equal(10, cases);
    }

    [Fact]
    public void Pruning_skips_candidates_and_changes_nothing()
    {
        var (codes, levels, errors) = Data(11, 2000, [2, 2, 3, 4, 3, 5]);

        var result = SliceLine.Find(codes, levels, errors, new SliceLineOptions(4, 32, 0.8, 3));
        var expected = BruteForce(codes, errors, 4, 32, 0.8, 3, out _);

        Assert.True(result.Pruned > 0, "the upper bounds should prune some candidates on this data");
        Assert.Equal(expected.Select(Key), result.Top.Select(s => Key(s.Predicates)));
        Assert.NotEmpty(result.Top);
    }

    [Fact]
    public void A_tiny_case_by_hand()
    {
        // 8 rows, one feature: level 0 on rows 0–3 with 3 errors, level 1 on rows 4–7 with 1 error; ē = 0.5.
        // Level 0: α((3/4)/0.5 − 1) − (1 − α)(8/4 − 1) = 0.5·0.5 − 0.5·1 = −0.25 with α = 0.5, so nothing qualifies;
        // with α = 0.9: 0.9·0.5 − 0.1·1 = 0.35, and level 1 scores 0.9·(−0.5) − 0.1 = −0.55.
        int[][] codes = [[0, 0, 0, 0, 1, 1, 1, 1]];
        double[] errors = [1, 1, 1, 0, 1, 0, 0, 0];

        Assert.Empty(SliceLine.Find(codes, [2], errors, new SliceLineOptions(4, 1, 0.5, 3)).Top);
        var found = Assert.Single(SliceLine.Find(codes, [2], errors, new SliceLineOptions(4, 1, 0.9, 3)).Top);
        Assert.Equal([(0, 0)], found.Predicates);
        Assert.Equal(0.35, found.Score, 1e-12);
        Assert.Equal(0.75, found.Error);
    }

    [Fact]
    public void At_alpha_one_half_or_less_no_slice_scores_above_zero()
    {
        // α(r − 1) − (1 − α)(n/s − 1) with r = (e_s/s)/ē ≤ n/s: at α ≤ 1 − α the first term never exceeds the second.
        var (codes, levels, errors) = Data(12, 400, [2, 3, 2, 3, 2]);

        Assert.Empty(SliceLine.Find(codes, levels, errors, new SliceLineOptions(10, 1, 0.5, 3)).Top);
        Assert.NotEmpty(SliceLine.Find(codes, levels, errors, new SliceLineOptions(10, 1, 0.8, 3)).Top);
    }

    [Fact]
    public void No_errors_no_slices()
    {
        var result = SliceLine.Find([[0, 1, 0, 1]], [2], [0, 0, 0, 0], new SliceLineOptions(4, 1, 0.5, 3));

        Assert.Empty(result.Top);
        Assert.Equal(0, result.AverageError);
    }

    [Fact]
    public void Normal_quantiles_and_erfc_match_python()
    {
        var fixture = Fixture.Load("proportions.json");
        foreach (var pair in fixture.GetProperty("quantiles").EnumerateArray())
        {
            var expected = pair[1].GetDouble();
            Assert.Equal(expected, Proportions.NormalQuantile(pair[0].GetDouble()), Math.Max(1e-13, Math.Abs(expected) * 1e-13));
        }

        foreach (var pair in fixture.GetProperty("erfc").EnumerateArray())
        {
            var expected = pair[1].GetDouble();
            Assert.Equal(expected, Proportions.Erfc(pair[0].GetDouble()), Math.Max(1e-300, Math.Abs(expected) * 1e-14));
        }
    }

    [Fact]
    public void Wilson_intervals_match_python()
    {
        foreach (var c in Fixture.Load("proportions.json").GetProperty("wilson").EnumerateArray())
        {
            var interval = Proportions.Wilson(c.GetProperty("successes").GetDouble(), c.GetProperty("n").GetInt32(), c.GetProperty("confidence").GetDouble());

            Assert.Equal(c.GetProperty("interval")[0].GetDouble(), interval.Lower, 1e-12);
            Assert.Equal(c.GetProperty("interval")[1].GetDouble(), interval.Upper, 1e-12);
        }
    }
}
