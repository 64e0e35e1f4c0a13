namespace Sentiment.Model;

/// <summary>
/// A binary logistic-regression head trained by full-batch gradient descent in double precision:
/// no randomness and a fixed summation order, so the same embeddings give the same weights.
/// </summary>
internal sealed class LogisticHead(double[] weights, double bias)
{
    public double[] Weights { get; } = weights;

    public double Bias { get; } = bias;

    public static LogisticHead Fit(float[][] x, int[] y, double l2 = 1e-3, int iterations = 2000, double learningRate = 4.0)
    {
        var n = x.Length;
        var d = x[0].Length;
        var w = new double[d];
        double b = 0;
        var gradient = new double[d];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            double gradientBias = 0;
            for (var i = 0; i < n; i++)
            {
                var error = Sigmoid(Score(w, b, x[i])) - y[i];
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += error * x[i][j];
                }

                gradientBias += error;
            }

            for (var j = 0; j < d; j++)
            {
                w[j] -= learningRate * ((gradient[j] / n) + (l2 * w[j]));
            }

            b -= learningRate * gradientBias / n;
        }

        return new LogisticHead(w, b);
    }

    public double Score(float[] x) => Score(Weights, Bias, x);

    private static double Score(double[] w, double b, float[] x)
    {
        var z = b;
        for (var j = 0; j < w.Length; j++)
        {
            z += w[j] * x[j];
        }

        return z;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
