namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a trigger-scan check.</summary>
public enum TriggerScanMetric
{
    /// <summary><c>max_trigger_flip_rate</c>: the largest share, over candidate triggers and target classes, of texts not of the target class that the trigger flips to it.</summary>
    MaxTriggerFlipRate,

    /// <summary><c>max_anomaly_index</c>: the largest anomaly index of a trigger against the random words' flip rates (Neural Cleanse flags above 2).</summary>
    MaxAnomalyIndex,
}
