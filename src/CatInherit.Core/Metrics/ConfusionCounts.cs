namespace CatInherit.Metrics;

/// <summary>Binary confusion counts of one group, positive = the policy's positive label.</summary>
internal record struct ConfusionCounts(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives)
{
    public readonly long Count => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public readonly double SelectionRate => Count == 0 ? double.NaN : (double)(TruePositives + FalsePositives) / Count;

    public readonly double Accuracy => Count == 0 ? double.NaN : (double)(TruePositives + TrueNegatives) / Count;

    /// <summary>TP / (TP + FN); NaN when the group has no positive labels.</summary>
    public readonly double TruePositiveRate => TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>FP / (FP + TN); NaN when the group has no negative labels.</summary>
    public readonly double FalsePositiveRate => FalsePositives + TrueNegatives == 0 ? double.NaN : (double)FalsePositives / (FalsePositives + TrueNegatives);

    /// <summary>
    /// TP / (TP + FN), taken as 0 when the group has no positive labels: fairlearn's <c>true_positive_rate</c> reads
    /// scikit-learn's <c>confusion_matrix(normalize="true")</c>, whose 0/0 rows <c>np.nan_to_num</c> turns into 0.
    /// </summary>
    public readonly double FairlearnTruePositiveRate => TruePositives + FalseNegatives == 0 ? 0 : TruePositiveRate;

    /// <summary>FP / (FP + TN), taken as 0 when the group has no negative labels (fairlearn's <c>false_positive_rate</c>).</summary>
    public readonly double FairlearnFalsePositiveRate => FalsePositives + TrueNegatives == 0 ? 0 : FalsePositiveRate;

    /// <summary>Cell index used by the bootstrap: 0 TP, 1 FP, 2 FN, 3 TN.</summary>
    public static byte Cell(bool actualPositive, bool predictedPositive) =>
        (byte)(actualPositive ? (predictedPositive ? 0 : 2) : (predictedPositive ? 1 : 3));

    public void Add(byte cell, long weight = 1)
    {
        switch (cell)
        {
            case 0: TruePositives += weight; break;
            case 1: FalsePositives += weight; break;
            case 2: FalseNegatives += weight; break;
            default: TrueNegatives += weight; break;
        }
    }

    /// <summary>The count of one cell (<see cref="Cell"/>).</summary>
    public readonly long Of(byte cell) => cell switch
    {
        0 => TruePositives,
        1 => FalsePositives,
        2 => FalseNegatives,
        _ => TrueNegatives,
    };

    /// <summary>The counts of two parts' rows together.</summary>
    public readonly ConfusionCounts Merge(ConfusionCounts other) =>
        new(TruePositives + other.TruePositives, FalsePositives + other.FalsePositives, FalseNegatives + other.FalseNegatives, TrueNegatives + other.TrueNegatives);
}
