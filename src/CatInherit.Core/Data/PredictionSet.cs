namespace CatInherit.Data;

/// <summary>
/// A dataset's labels and the model's outputs as class indices into <see cref="Classes"/>. Probabilities are float64,
/// row-major (<c>Count × Classes.Length</c>) when the dataset has scores; logits, in the same layout, when the scores
/// are logits (a single logit column z is kept as the row [0, z]), so log-probabilities come from log-softmax.
/// </summary>
internal sealed class PredictionSet(string[] classes, int[] labels, int[] predicted, double[]? probabilities, double[]? logits = null)
{
    public string[] Classes { get; } = classes;

    public int Count => Predicted.Length;

    /// <summary>True class index per row, or empty when the dataset has no label column.</summary>
    public int[] Labels { get; } = labels;

    public int[] Predicted { get; } = predicted;

    public double[]? Probabilities { get; } = probabilities;

    /// <summary>The logits behind <see cref="Probabilities"/>, or null when the probabilities were given as such.</summary>
    public double[]? Logits { get; } = logits;

    public int ClassIndex(string label) => Array.IndexOf(Classes, LabelText.Canonical(label));

    /// <summary>The class probabilities of one row (the set must have probabilities).</summary>
    public ReadOnlySpan<double> ProbabilityRow(int row) => Probabilities.AsSpan(row * Classes.Length, Classes.Length);

    /// <summary>The logits of one row, or an empty span when the set has no logits.</summary>
    public ReadOnlySpan<double> LogitRow(int row) => Logits is null ? [] : Logits.AsSpan(row * Classes.Length, Classes.Length);
}
