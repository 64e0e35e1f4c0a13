namespace CatInherit.Metrics;

/// <summary>What <see cref="SliceLine.Find"/> found.</summary>
/// <param name="AverageError">ē: the mean error over every row.</param>
/// <param name="Rows">n: the rows searched.</param>
/// <param name="Top">The top-k slices, best first (fewer when fewer qualify).</param>
/// <param name="Evaluated">Slices whose size and error were computed: the number of comparisons the search made.</param>
/// <param name="Pruned">Candidates dropped by their upper bound or their parents' support without being evaluated.</param>
internal sealed record SliceLineResult(double AverageError, int Rows, IReadOnlyList<FoundSlice> Top, long Evaluated, long Pruned);
