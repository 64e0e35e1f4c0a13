namespace CatInherit.Data;

/// <summary>
/// A dataset's labels and the model's outputs as class indices into <see cref="Classes"/>; probabilities
/// are row-major (<c>Count × Classes.Length</c>) when the dataset has scores.
/// </summary>
internal sealed class PredictionSet(string[] classes, int[] labels, int[] predicted, float[]? probabilities)
{
    public string[] Classes { get; } = classes;

    public int Count => Predicted.Length;

    /// <summary>True class index per row, or empty when the dataset has no label column.</summary>
    public int[] Labels { get; } = labels;

    public int[] Predicted { get; } = predicted;

    public float[]? Probabilities { get; } = probabilities;

    public int ClassIndex(string label) => Array.IndexOf(Classes, LabelText.Canonical(label));
}
