namespace CatInherit.Policy.Schema;

/// <summary>Which way a metric gets worse: reports say it, and a before/after comparison reads a delta with it.</summary>
public enum MetricDirection
{
    /// <summary>Larger values are worse (a disparity, an error, an attack's success).</summary>
    HigherIsWorse,

    /// <summary>Smaller values are worse (an accuracy, a recall).</summary>
    LowerIsWorse,

    /// <summary>Neither way is worse in itself (a p-value, a per-group rate).</summary>
    Neutral,
}
