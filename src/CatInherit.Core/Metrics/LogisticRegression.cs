namespace CatInherit.Metrics;

/// <summary>
/// Multinomial logistic regression by full-batch gradient descent on standardised features, L2-regularised:
/// no randomness, a fixed number of steps and a fixed summation order, so the same data gives the same model.
/// </summary>
internal sealed class LogisticRegression
{
    private readonly double[] mean;
    private readonly double[] scale;
    private readonly double[,] weights;
    private readonly double[] bias;

    private LogisticRegression(double[] mean, double[] scale, double[,] weights, double[] bias)
    {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    public static LogisticRegression Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int classes, double l2 = 1e-2, int iterations = 300, double learningRate = 0.5)
    {
        var n = x.Count;
        var d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = x.Average(row => row[j]);
            var sd = Math.Sqrt(x.Average(row => (row[j] - mean[j]) * (row[j] - mean[j])));
            scale[j] = sd > 1e-12 ? sd : 1;
        }

        var z = x.Select(row => Standardize(row, mean, scale)).ToArray();
        var w = new double[classes, d];
        var b = new double[classes];
        var gw = new double[classes, d];
        var gb = new double[classes];
        var p = new double[classes];
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(gw);
            Array.Clear(gb);
            for (var i = 0; i < n; i++)
            {
                Predict(z[i], w, b, p);
                for (var c = 0; c < classes; c++)
                {
                    var error = p[c] - (y[i] == c ? 1 : 0);
                    gb[c] += error;
                    for (var j = 0; j < d; j++)
                    {
                        gw[c, j] += error * z[i][j];
                    }
                }
            }

            for (var c = 0; c < classes; c++)
            {
                b[c] -= learningRate * gb[c] / n;
                for (var j = 0; j < d; j++)
                {
                    w[c, j] -= learningRate * ((gw[c, j] / n) + (l2 * w[c, j]));
                }
            }
        }

        return new LogisticRegression(mean, scale, w, b);
    }

    /// <summary>Class probabilities for one row.</summary>
    public double[] Probabilities(double[] row)
    {
        var p = new double[bias.Length];
        Predict(Standardize(row, mean, scale), weights, bias, p);
        return p;
    }

    private static double[] Standardize(double[] row, double[] mean, double[] scale)
    {
        var z = new double[row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            z[j] = (row[j] - mean[j]) / scale[j];
        }

        return z;
    }

    private static void Predict(double[] z, double[,] w, double[] b, double[] p)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < b.Length; c++)
        {
            var s = b[c];
            for (var j = 0; j < z.Length; j++)
            {
                s += w[c, j] * z[j];
            }

            p[c] = s;
            max = Math.Max(max, s);
        }

        double sum = 0;
        for (var c = 0; c < b.Length; c++)
        {
            p[c] = Math.Exp(p[c] - max);
            sum += p[c];
        }

        for (var c = 0; c < b.Length; c++)
        {
            p[c] /= sum;
        }
    }
}
