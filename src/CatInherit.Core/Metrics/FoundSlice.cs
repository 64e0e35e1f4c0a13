namespace CatInherit.Metrics;

/// <summary>One slice: rows whose feature <c>Feature</c> has level <c>Level</c>, for every predicate.</summary>
/// <param name="Predicates">(feature index, level index) pairs, in feature order.</param>
/// <param name="Size">Rows in the slice.</param>
/// <param name="ErrorSum">The sum of its rows' errors.</param>
/// <param name="MaxError">Its largest row error.</param>
/// <param name="Score">SliceLine's score.</param>
internal sealed record FoundSlice((int Feature, int Level)[] Predicates, int Size, double ErrorSum, double MaxError, double Score)
{
    /// <summary>The slice's error rate: <c>ErrorSum / Size</c>.</summary>
    public double Error => ErrorSum / Size;
}
