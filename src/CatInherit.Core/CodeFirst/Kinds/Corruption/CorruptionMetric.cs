namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a corruption check.</summary>
public enum CorruptionMetric
{
    /// <summary><c>clean_accuracy</c>: accuracy on the uncorrupted inputs.</summary>
    CleanAccuracy,

    /// <summary><c>corrupted_accuracy</c>: mean accuracy over every corruption × severity.</summary>
    CorruptedAccuracy,

    /// <summary><c>accuracy_drop</c>: clean_accuracy − corrupted_accuracy.</summary>
    AccuracyDrop,

    /// <summary><c>flip_rate</c>: mean share of predictions that change from the clean prediction.</summary>
    FlipRate,
}
