namespace CatInherit.Metrics;

/// <summary>
/// The Word Embedding Association Test (Caliskan et al. 2017), in double precision:
/// s(w, A, B) = mean cos(w, a) − mean cos(w, b); effect size = (mean_x s − mean_y s) / std_{X∪Y} s (n − 1);
/// statistic Σ_x s − Σ_y s; one-sided p = share of equal-size re-partitions of X ∪ Y whose statistic is
/// ≥ the observed one (the observed partition counts). Exact when C(2n, n) ≤ <c>permutations</c>, else that
/// many seeded random partitions with p = (hits + 1) / (m + 1).
/// </summary>
internal static class Weat
{
    /// <summary>Relative tolerance for "≥ observed": re-partitions equal to it up to rounding count as hits.</summary>
    public const double TieTolerance = 1e-12;

    public static WeatResult Compute(double[][] x, double[][] y, double[][] a, double[][] b, long permutations, ulong seed, int resamples = 0, double confidence = 0.95)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("WEAT needs target sets of equal size.");
        }

        var targets = x.Concat(y).ToArray();
        var attributes = a.Concat(b).ToArray();
        var cos = new double[targets.Length, attributes.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            for (var j = 0; j < attributes.Length; j++)
            {
                cos[i, j] = Cosine(targets[i], attributes[j]);
            }
        }

        var aIndex = Enumerable.Range(0, a.Length).ToArray();
        var bIndex = Enumerable.Range(a.Length, b.Length).ToArray();
        var s = Associations(cos, targets.Length, aIndex, bIndex);
        var n = x.Length;
        var effect = EffectSize(s, Enumerable.Range(0, n).ToArray(), Enumerable.Range(n, n).ToArray());
        var total = s.Sum();
        var sumX = s.Take(n).Sum();
        var observed = sumX - s.Skip(n).Sum();

        var (pValue, exact, partitions) = PValue(s, n, total, observed, permutations, seed);

        Interval? interval = null;
        if (resamples > 0)
        {
            // Poisson bootstrap of the four sets: a word is its set and its vector.
            var sets = new[] { ("X", x), ("Y", y), ("A", a), ("B", b) };
            var identities = RowIdentity.Assign([.. sets.SelectMany(set => set.Item2.Select(v => RowContent.Of(set.Item1).Add(v).Hash))]);
            var starts = new[] { 0, n, 2 * n, (2 * n) + a.Length, identities.Length };
            var result = Bootstrap.Weighted(resamples, seed ^ 0x5EA7B007UL, identities, 1, confidence, (counts, _, output) =>
            {
                // Row indices of each set, each as often as it is drawn; the same indices the statistic uses (targets 0..2n, attributes 0..|A|+|B|).
                static int[] Drawn(ReadOnlySpan<byte> counts, int[] starts, int set, int offset)
                {
                    var drawn = new List<int>();
                    for (var i = starts[set]; i < starts[set + 1]; i++)
                    {
                        for (var c = counts[i]; c > 0; c--)
                        {
                            drawn.Add(i - offset);
                        }
                    }

                    return [.. drawn];
                }

                var (xs, ys, aDrawn, bDrawn) = (Drawn(counts, starts, 0, 0), Drawn(counts, starts, 1, 0), Drawn(counts, starts, 2, 2 * n), Drawn(counts, starts, 3, 2 * n));
                output[0] = xs.Length == 0 || ys.Length == 0 || aDrawn.Length == 0 || bDrawn.Length == 0
                    ? double.NaN
                    : EffectSize(Associations(cos, targets.Length, aDrawn, bDrawn), xs, ys);
            });
            interval = result.Intervals[0]?.Including(effect);
        }

        return new WeatResult(effect, pValue, observed, exact, partitions, sumX / n, s.Skip(n).Sum() / n, interval);
    }

    /// <summary>C(2n, n), or long.MaxValue when it overflows.</summary>
    public static long Partitions(int n)
    {
        long result = 1;
        for (var k = 1; k <= n; k++)
        {
            // result * (n + k) / k stays exact: result is C(n + k - 1, k - 1) * ... built incrementally.
            if (result > long.MaxValue / (n + k))
            {
                return long.MaxValue;
            }

            result = result * (n + k) / k;
        }

        return result;
    }

    private static (double P, bool Exact, long Partitions) PValue(double[] s, int n, double total, double observed, long permutations, ulong seed)
    {
        var threshold = observed - (TieTolerance * Math.Max(1, Math.Abs(observed)));
        var count = Partitions(n);
        if (count <= permutations)
        {
            long hits = 0;
            var chosen = Enumerable.Range(0, n).ToArray();
            while (true)
            {
                double subset = 0;
                foreach (var c in chosen)
                {
                    subset += s[c];
                }

                if ((2 * subset) - total >= threshold)
                {
                    hits++;
                }

                // Next n-combination of 2n indices in lexicographic order.
                var i = n - 1;
                while (i >= 0 && chosen[i] == (2 * n) - n + i)
                {
                    i--;
                }

                if (i < 0)
                {
                    break;
                }

                chosen[i]++;
                for (var j = i + 1; j < n; j++)
                {
                    chosen[j] = chosen[j - 1] + 1;
                }
            }

            return ((double)hits / count, true, count);
        }

        var rng = new Xoshiro256(seed);
        var indices = Enumerable.Range(0, 2 * n).ToArray();
        long sampledHits = 0;
        for (long m = 0; m < permutations; m++)
        {
            for (var i = (2 * n) - 1; i > 0; i--)
            {
                var j = rng.NextInt(i + 1);
                (indices[i], indices[j]) = (indices[j], indices[i]);
            }

            double subset = 0;
            for (var k = 0; k < n; k++)
            {
                subset += s[indices[k]];
            }

            if ((2 * subset) - total >= threshold)
            {
                sampledHits++;
            }
        }

        return ((sampledHits + 1.0) / (permutations + 1.0), false, permutations);
    }

    private static double[] Associations(double[,] cos, int targets, int[] a, int[] b)
    {
        var s = new double[targets];
        for (var i = 0; i < targets; i++)
        {
            double sa = 0, sb = 0;
            foreach (var j in a)
            {
                sa += cos[i, j];
            }

            foreach (var j in b)
            {
                sb += cos[i, j];
            }

            s[i] = (sa / a.Length) - (sb / b.Length);
        }

        return s;
    }

    private static double EffectSize(double[] s, int[] xs, int[] ys)
    {
        var meanX = xs.Average(i => s[i]);
        var meanY = ys.Average(i => s[i]);
        var all = xs.Concat(ys).Select(i => s[i]).ToArray();
        var mean = all.Average();
        var variance = all.Sum(v => (v - mean) * (v - mean)) / (all.Length - 1);
        return variance > 0 ? (meanX - meanY) / Math.Sqrt(variance) : double.NaN;
    }

    private static double Cosine(double[] u, double[] v)
    {
        double dot = 0, nu = 0, nv = 0;
        for (var i = 0; i < u.Length; i++)
        {
            dot += u[i] * v[i];
            nu += u[i] * u[i];
            nv += v[i] * v[i];
        }

        return dot / Math.Sqrt(nu * nv);
    }
}
