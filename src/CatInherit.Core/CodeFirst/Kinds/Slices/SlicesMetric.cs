namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a slices check.</summary>
public enum SlicesMetric
{
    /// <summary><c>worst_slice_error</c>: error rate of the top-scored slice (its interval Bonferroni-adjusted over every slice evaluated).</summary>
    WorstSliceError,

    /// <summary><c>worst_slice_error_ratio</c>: the worst slice's error rate over the average error rate.</summary>
    WorstSliceErrorRatio,

    /// <summary><c>worst_slice_score</c>: SliceLine's score of the worst slice.</summary>
    WorstSliceScore,

    /// <summary><c>worst_slice_size</c>: rows in the worst slice.</summary>
    WorstSliceSize,

    /// <summary><c>average_error</c>: the error rate over every row.</summary>
    AverageError,

    /// <summary><c>slices_found</c>: slices of at least the support with a positive score.</summary>
    SlicesFound,
}
