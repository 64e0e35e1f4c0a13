namespace CatInherit.Metrics;

/// <summary>
/// A bias subspace from paired embeddings (Bolukbasi et al. 2016): each pair is centred on its mean, and the top
/// principal directions of the centred vectors span the subspace. The d × d covariance is never formed: the
/// eigenvectors come from the m × m Gram matrix of the pair differences (m pairs, m ≪ d), by Jacobi rotations.
/// </summary>
public static class BiasSubspace
{
    /// <summary>The top <paramref name="k"/> orthonormal directions (each of length d) and the share of variance each explains.</summary>
    public static (double[][] Directions, double[] Explained) Fit(IReadOnlyList<(double[] A, double[] B)> pairs, int k)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var m = pairs.Count;
        if (m == 0 || k < 1 || k > m)
        {
            throw new ArgumentException($"{k} directions need at least {k} pairs; got {m}.", nameof(pairs));
        }

        var d = pairs[0].A.Length;

        // Centred pair vectors are ±(a − b)/2; both signs give the same covariance, Σ (a − b)(a − b)ᵀ / 2.
        var differences = pairs.Select(p => p.A.Select((a, j) => (a - p.B[j]) / Math.Sqrt(2)).ToArray()).ToArray();
        var gram = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var j = i; j < m; j++)
            {
                double dot = 0;
                for (var c = 0; c < d; c++)
                {
                    dot += differences[i][c] * differences[j][c];
                }

                gram[i, j] = gram[j, i] = dot;
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(gram);
        var total = values.Where(v => v > 0).Sum();
        var order = Enumerable.Range(0, m).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var directions = new double[k][];
        var explained = new double[k];
        for (var n = 0; n < k; n++)
        {
            var index = order[n];
            if (values[index] <= 1e-18 * Math.Max(1, total))
            {
                throw new ArgumentException($"The pairs span only {n} direction(s); {k} were asked for.", nameof(pairs));
            }

            var u = new double[d];
            for (var i = 0; i < m; i++)
            {
                for (var c = 0; c < d; c++)
                {
                    u[c] += vectors[i, index] * differences[i][c];
                }
            }

            var norm = Math.Sqrt(u.Sum(x => x * x));
            var sign = u[Enumerable.Range(0, d).MaxBy(c => Math.Abs(u[c]))] < 0 ? -1 : 1;  // a fixed sign: the same U every run
            directions[n] = [.. u.Select(x => sign * x / norm)];
            explained[n] = values[index] / total;
        }

        return (directions, explained);
    }

    /// <summary>x − x U Uᵀ for one row (the projection the graph edit inserts), in float64.</summary>
    public static double[] Project(ReadOnlySpan<double> x, double[][] directions)
    {
        ArgumentNullException.ThrowIfNull(directions);
        var result = x.ToArray();
        foreach (var u in directions)
        {
            double dot = 0;
            for (var c = 0; c < x.Length; c++)
            {
                dot += x[c] * u[c];
            }

            for (var c = 0; c < x.Length; c++)
            {
                result[c] -= dot * u[c];
            }
        }

        return result;
    }
}
