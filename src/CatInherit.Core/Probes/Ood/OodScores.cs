using CatInherit.Metrics;
using CatInherit.Policy;

namespace CatInherit.Probes.Ood;

/// <summary>
/// Per-sample scores, higher = more in-distribution. msp: the largest class probability; max_logit: the
/// largest logit; energy: T·logsumexp(logits / T); mahalanobis: −min over classes of the Mahalanobis distance
/// to the class mean (class means and one shared covariance fitted on <c>fit</c>); knn: −(Euclidean distance
/// of the L2-normalised feature to its k-th nearest L2-normalised <c>fit</c> feature), i.e. cosine-based.
/// </summary>
internal static class OodScores
{
    /// <summary>The largest class probability of each row, in float64 (softmax of the logits where there are logits).</summary>
    public static double[] Msp(ProbeInput input)
    {
        var p = input.Predictions!;
        var result = new double[p.Count];
        for (var r = 0; r < result.Length; r++)
        {
            var row = p.ProbabilityRow(r);
            result[r] = row[Metrics.Probability.ArgMax(row)];
        }

        return result;
    }

    public static double[] MaxLogit(LogitRows logits) => PerRow(logits, row =>
    {
        var max = row[0];
        for (var k = 1; k < row.Length; k++)
        {
            max = Math.Max(max, row[k]);
        }

        return max;
    });

    /// <summary>T·logsumexp(z / T), summing in class order.</summary>
    public static double[] Energy(LogitRows logits, double temperature) => PerRow(logits, row =>
    {
        var largest = row[0];
        for (var k = 1; k < row.Length; k++)
        {
            largest = Math.Max(largest, row[k]);
        }

        var max = largest / temperature;
        double sum = 0;
        foreach (var v in row)
        {
            sum += Math.Exp((v / temperature) - max);
        }

        return temperature * (max + Math.Log(sum));
    });

    /// <summary>A score per row, rows in blocks on every core (each row's score depends on that row alone).</summary>
    private static double[] PerRow(LogitRows logits, RowScore score)
    {
        const int Block = 1 << 14;
        var result = new double[logits.Count];
        Parallel.For(0, (result.Length + Block - 1) / Block, block =>
        {
            Span<double> row = stackalloc double[logits.Width];
            for (var r = block * Block; r < Math.Min(result.Length, (block + 1) * Block); r++)
            {
                logits.CopyRow(r, row);
                result[r] = score(row);
            }
        });
        return result;
    }

    private delegate double RowScore(ReadOnlySpan<double> row);

    /// <summary>The dataset's raw logits: model outputs of kind logits, or score columns with <c>score_kind: logits</c>.</summary>
    public static LogitRows? Logits(ProbeInput input, DatasetSpec dataset)
    {
        if (input.Outputs is { Kind: OutputKind.Logits } outputs)
        {
            return LogitRows.OfOutputs(outputs.Values, outputs.Rows, outputs.Width);
        }

        if (dataset.ScoreKind == ScoreKind.Logits && dataset.Scores.Count > 0 && input.Predictions?.Logits is { } logits)
        {
            return LogitRows.OfScores(logits, input.Predictions.Count, dataset.Scores.Count);
        }

        return null;
    }

    /// <summary>The model's raw output rows (embeddings, logits or probabilities) as features.</summary>
    public static double[][]? Features(ProbeInput input) => input.Outputs is { } outputs ? outputs.ToRows() : null;

    public static double[] Mahalanobis(double[][] fit, int[] labels, double[][] samples)
    {
        var d = fit[0].Length;
        var classes = labels.Distinct().Order().ToArray();

        // Per class the mergeable moments (n, mean, centred co-moment); the shared covariance is their pooled co-moment / n.
        var moments = classes.ToDictionary(c => c, c => MomentSums.Of([.. fit.Where((_, i) => labels[i] == c)], d));
        var means = moments.ToDictionary(m => m.Key, m => m.Value.Mean);
        var covariance = new double[d, d];
        foreach (var c in classes)
        {
            var comoment = moments[c].Comoment;
            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    covariance[a, b] += comoment[(a * d) + b];
                }
            }
        }

        double trace = 0;
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                covariance[a, b] /= fit.Length;
                covariance[b, a] = covariance[a, b];
            }

            trace += covariance[a, a];
        }

        var ridge = Math.Max(1e-6 * trace / d, 1e-12);
        for (var a = 0; a < d; a++)
        {
            covariance[a, a] += ridge;
        }

        var cholesky = Cholesky(covariance, d);
        return [.. samples.Select(x => -classes.Min(c => SolvedNorm(cholesky, d, x, means[c])))];
    }

    public static double[] Knn(double[][] fit, double[][] samples, int k)
    {
        var reference = fit.Select(Normalize).ToArray();
        var kth = Math.Min(k, reference.Length) - 1;
        return [.. samples.Select(Normalize).Select(x =>
        {
            var distances = reference.Select(r => Math.Sqrt(r.Zip(x, (a, b) => (a - b) * (a - b)).Sum())).ToArray();
            Array.Sort(distances);
            return -distances[kth];
        })];
    }

    private static double[] Normalize(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        return norm > 0 ? [.. v.Select(x => x / norm)] : v;
    }

    private static double[,] Cholesky(double[,] a, int d)
    {
        var l = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-300)) : sum / l[j, j];
            }
        }

        return l;
    }

    /// <summary>(x − μ)ᵀ Σ⁻¹ (x − μ) = |L⁻¹ (x − μ)|² with Σ = L Lᵀ.</summary>
    private static double SolvedNorm(double[,] l, int d, double[] x, double[] mean)
    {
        var y = new double[d];
        double norm = 0;
        for (var i = 0; i < d; i++)
        {
            var sum = x[i] - mean[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }

            y[i] = sum / l[i, i];
            norm += y[i] * y[i];
        }

        return norm;
    }
}
