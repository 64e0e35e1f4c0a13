namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a calibration check.</summary>
public enum CalibrationMetric
{
    /// <summary><c>ece</c>: Σ over bins |B|/n · |accuracy(B) − mean confidence(B)| of the top-label confidence.</summary>
    Ece,

    /// <summary><c>brier</c>: mean over samples of Σ_k (p_k − y_k)².</summary>
    Brier,
}
