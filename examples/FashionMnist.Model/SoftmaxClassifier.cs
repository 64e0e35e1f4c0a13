using System.Numerics.Tensors;

namespace FashionMnist.Model;

/// <summary>Multinomial logistic regression on raw pixels, full-batch gradient descent: deterministic.</summary>
internal sealed class SoftmaxClassifier(float[][] weights, float[] bias)
{
    public float[][] Weights { get; } = weights;

    public float[] Bias { get; } = bias;

    public static SoftmaxClassifier Fit(float[][] x, int[] y, int classes, int iterations = 80, float learningRate = 0.5f, float l2 = 1e-4f)
    {
        var d = x[0].Length;
        var w = Enumerable.Range(0, classes).Select(_ => new float[d]).ToArray();
        var b = new float[classes];
        var gradient = Enumerable.Range(0, classes).Select(_ => new float[d]).ToArray();
        var p = new float[classes];
        for (var step = 0; step < iterations; step++)
        {
            foreach (var g in gradient)
            {
                Array.Clear(g);
            }

            var gb = new float[classes];
            for (var i = 0; i < x.Length; i++)
            {
                Scores(w, b, x[i], p);
                TensorPrimitives.SoftMax(p, p);
                for (var c = 0; c < classes; c++)
                {
                    var error = p[c] - (y[i] == c ? 1f : 0f);
                    gb[c] += error;
                    TensorPrimitives.MultiplyAdd(x[i], error, gradient[c], gradient[c]);
                }
            }

            for (var c = 0; c < classes; c++)
            {
                for (var j = 0; j < d; j++)
                {
                    w[c][j] -= learningRate * ((gradient[c][j] / x.Length) + (l2 * w[c][j]));
                }

                b[c] -= learningRate * gb[c] / x.Length;
            }
        }

        return new SoftmaxClassifier(w, b);
    }

    public int Predict(float[] x)
    {
        var p = new float[Bias.Length];
        Scores(Weights, Bias, x, p);
        return TensorPrimitives.IndexOfMax(p);
    }

    private static void Scores(float[][] w, float[] b, float[] x, float[] output)
    {
        for (var c = 0; c < b.Length; c++)
        {
            output[c] = TensorPrimitives.Dot(w[c], x) + b[c];
        }
    }
}
