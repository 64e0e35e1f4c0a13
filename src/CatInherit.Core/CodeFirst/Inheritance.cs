namespace CatInherit.CodeFirst;

/// <summary>
/// The code-first entry point, for tests that do not use YAML:
/// <c>Inheritance.Predictions(labels, predictions).GroupFairness(sex).ShouldBeAtMost("demographic_parity_difference", 0.1).Assert();</c>
/// It builds the equivalent policy in memory (typed values, no YAML text, no files) and runs the same engine, so values, reports and messages are identical.
/// </summary>
public static class Inheritance
{
    /// <summary>Starts from a model's hard predictions and the true labels, one per row.</summary>
    public static PredictionData Predictions<TLabel>(IEnumerable<TLabel> labels, IEnumerable<TLabel> predictions)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        var y = labels.Select(Text).ToList();
        var p = predictions.Select(Text).ToList();
        return y.Count != p.Count
            ? throw new ArgumentException($"There are {y.Count} labels but {p.Count} predictions; give one of each per row.", nameof(predictions))
            : new PredictionData(y, p, null);
    }

    /// <summary>Starts from per-class probabilities (each row sums to 1) and the true labels; classes are 0..K-1.</summary>
    public static PredictionData Probabilities<TLabel>(IEnumerable<TLabel> labels, IEnumerable<IReadOnlyList<double>> probabilities)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        var y = labels.Select(Text).ToList();
        var scores = probabilities.ToList();
        return y.Count != scores.Count
            ? throw new ArgumentException($"There are {y.Count} labels but {scores.Count} probability rows; give one of each per row.", nameof(probabilities))
            : new PredictionData(y, null, scores);
    }

    internal static string Text<T>(T value)
        where T : notnull => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
