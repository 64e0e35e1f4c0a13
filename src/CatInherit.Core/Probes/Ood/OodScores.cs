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

    public static double[] MaxLogit(double[][] logits) => [.. logits.Select(row => row.Max())];

    public static double[] Energy(double[][] logits, double temperature) => [.. logits.Select(row =>
    {
        var max = row.Max() / temperature;
        return temperature * (max + Math.Log(row.Sum(v => Math.Exp((v / temperature) - max))));
    })];

    /// <summary>The dataset's raw logits: model outputs of kind logits, or score columns with <c>score_kind: logits</c>.</summary>
    public static double[][]? Logits(ProbeInput input, DatasetSpec dataset)
    {
        if (input.Outputs is { Kind: OutputKind.Logits } outputs)
        {
            return outputs.ToRows();
        }

        if (dataset.ScoreKind == ScoreKind.Logits && dataset.Scores.Count > 0)
        {
            var columns = dataset.Scores.Select(c => input.Table.Column<Data.NumericColumn>(c).Values).ToArray();
            return [.. Enumerable.Range(0, input.Table.RowCount).Select(r => columns.Select(c => c[r]).ToArray())];
        }

        return null;
    }

    /// <summary>The model's raw output rows (embeddings, logits or probabilities) as features.</summary>
    public static double[][]? Features(ProbeInput input) => input.Outputs is { } outputs ? outputs.ToRows() : null;

    public static double[] Mahalanobis(double[][] fit, int[] labels, double[][] samples)
    {
        var d = fit[0].Length;
        var classes = labels.Distinct().Order().ToArray();
        var means = classes.ToDictionary(c => c, c =>
        {
            var rows = fit.Where((_, i) => labels[i] == c).ToArray();
            return Enumerable.Range(0, d).Select(j => rows.Average(r => r[j])).ToArray();
        });

        // Shared covariance of the class-centred features, with a small ridge so it can always be inverted.
        var covariance = new double[d, d];
        for (var i = 0; i < fit.Length; i++)
        {
            var mean = means[labels[i]];
            for (var a = 0; a < d; a++)
            {
                var da = fit[i][a] - mean[a];
                for (var b = 0; b <= a; b++)
                {
                    covariance[a, b] += da * (fit[i][b] - mean[b]);
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
