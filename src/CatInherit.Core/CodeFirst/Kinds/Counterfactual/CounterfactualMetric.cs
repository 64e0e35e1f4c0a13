namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a counterfactual check (delta = change of the positive-class probability, twin − original).</summary>
public enum CounterfactualMetric
{
    /// <summary><c>flip_rate</c>: share of pairs whose predicted class changes.</summary>
    FlipRate,

    /// <summary><c>mean_abs_delta</c>: mean |P(positive | twin) − P(positive | text)|.</summary>
    MeanAbsDelta,

    /// <summary><c>max_abs_delta</c>: largest |P(positive | twin) − P(positive | text)|.</summary>
    MaxAbsDelta,
}
