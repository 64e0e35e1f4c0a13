namespace CatInherit.Metrics;

/// <summary>
/// The sufficient statistic of a mean and a covariance: the row count n, the mean and the centred co-moment
/// M = Σ (x − mean)(x − mean)ᵀ — (n, Σx, Σxxᵀ) in the form that keeps its digits (Σx = n·mean, Σxxᵀ = M + n·mean·meanᵀ,
/// without the cancellation of subtracting the two). <see cref="Merge"/> adds two parts (Chan, Golub and LeVeque's
/// pairwise update), so the parts give the whole's moments up to rounding.
/// </summary>
internal sealed class MomentSums
{
    private MomentSums(long count, double[] mean, double[] comoment)
    {
        Count = count;
        Mean = mean;
        Comoment = comoment;
    }

    public long Count { get; private set; }

    /// <summary>The mean of each feature.</summary>
    public double[] Mean { get; }

    /// <summary>Σ (x − mean)(x − mean)ᵀ, row-major d × d.</summary>
    public double[] Comoment { get; }

    public int Dimension => Mean.Length;

    /// <summary>No rows yet.</summary>
    public static MomentSums Empty(int dimension) => new(0, new double[dimension], new double[dimension * dimension]);

    /// <summary>The moments of <paramref name="rows"/>, in two passes (the mean first, then the centred products).</summary>
    public static MomentSums Of(IReadOnlyList<double[]> rows, int dimension)
    {
        var mean = new double[dimension];
        foreach (var row in rows)
        {
            for (var a = 0; a < dimension; a++)
            {
                mean[a] += row[a];
            }
        }

        for (var a = 0; a < dimension; a++)
        {
            mean[a] /= rows.Count;
        }

        var comoment = new double[dimension * dimension];
        var centred = new double[dimension];
        foreach (var row in rows)
        {
            for (var a = 0; a < dimension; a++)
            {
                centred[a] = row[a] - mean[a];
            }

            for (var a = 0; a < dimension; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    comoment[(a * dimension) + b] += centred[a] * centred[b];
                }
            }
        }

        Mirror(comoment, dimension);
        return new MomentSums(rows.Count, rows.Count == 0 ? new double[dimension] : mean, comoment);
    }

    /// <summary>Adds another part's rows: n = n₁ + n₂, δ = mean₂ − mean₁, mean += δ·n₂/n, M = M₁ + M₂ + δδᵀ·n₁n₂/n.</summary>
    public MomentSums Merge(MomentSums other)
    {
        if (other.Dimension != Dimension)
        {
            throw new ArgumentException("Moments of another dimension.", nameof(other));
        }

        if (other.Count == 0)
        {
            return this;
        }

        var n = Count + other.Count;
        var delta = new double[Dimension];
        for (var a = 0; a < Dimension; a++)
        {
            delta[a] = other.Mean[a] - Mean[a];
        }

        var scale = (double)Count * other.Count / n;
        for (var a = 0; a < Dimension; a++)
        {
            for (var b = 0; b < Dimension; b++)
            {
                Comoment[(a * Dimension) + b] += other.Comoment[(a * Dimension) + b] + (delta[a] * delta[b] * scale);
            }
        }

        for (var a = 0; a < Dimension; a++)
        {
            Mean[a] += delta[a] * other.Count / n;
        }

        Count = n;
        return this;
    }

    /// <summary>Σx, for readers who want the raw sums.</summary>
    public double[] Sum() => [.. Mean.Select(m => m * Count)];

    private static void Mirror(double[] matrix, int d)
    {
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b < a; b++)
            {
                matrix[(b * d) + a] = matrix[(a * d) + b];
            }
        }
    }
}
