namespace CatInherit.Data;

/// <summary>
/// A dataset's labels and the model's outputs as class indices into <see cref="Classes"/>. Probabilities are float64,
/// row-major (<c>Count × Classes.Length</c>) when the dataset has scores; logits, in the same layout, when the scores
/// are logits (a single logit column z is kept as the row [0, z]), so log-probabilities come from log-softmax. With logits,
/// the probabilities are their softmax, computed on first use: a check that reads only logits (an energy score) never
/// holds both.
/// </summary>
internal sealed class PredictionSet
{
    private readonly Lazy<double[]>? probabilities;

    public PredictionSet(string[] classes, int[] labels, int[] predicted, double[]? probabilities, double[]? logits = null)
    {
        Classes = classes;
        Labels = labels;
        Predicted = predicted;
        Logits = logits;
        if (probabilities is not null)
        {
            this.probabilities = new Lazy<double[]>(probabilities);
        }
        else if (logits is not null)
        {
            this.probabilities = new Lazy<double[]>(() => Softmax(logits, classes.Length), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    public string[] Classes { get; }

    public int Count => Predicted.Length;

    /// <summary>True class index per row, or empty when the dataset has no label column.</summary>
    public int[] Labels { get; }

    public int[] Predicted { get; }

    /// <summary>Whether the set has class probabilities (given, or from its logits).</summary>
    public bool HasProbabilities => probabilities is not null;

    public double[]? Probabilities => probabilities?.Value;

    /// <summary>The logits behind <see cref="Probabilities"/>, or null when the probabilities were given as such.</summary>
    public double[]? Logits { get; }

    public int ClassIndex(string label) => Array.IndexOf(Classes, LabelText.Canonical(label));

    /// <summary>The class probabilities of one row (the set must have probabilities).</summary>
    public ReadOnlySpan<double> ProbabilityRow(int row) => Probabilities.AsSpan(row * Classes.Length, Classes.Length);

    /// <summary>The logits of one row, or an empty span when the set has no logits.</summary>
    public ReadOnlySpan<double> LogitRow(int row) => Logits is null ? [] : Logits.AsSpan(row * Classes.Length, Classes.Length);

    private static double[] Softmax(double[] logits, int classes)
    {
        var result = new double[logits.Length];
        for (var r = 0; r < logits.Length / classes; r++)
        {
            Metrics.Probability.Softmax(logits.AsSpan(r * classes, classes), result.AsSpan(r * classes, classes));
        }

        return result;
    }
}
