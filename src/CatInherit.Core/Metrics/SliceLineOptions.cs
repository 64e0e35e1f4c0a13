namespace CatInherit.Metrics;

/// <summary>What <see cref="SliceLine"/> looks for.</summary>
/// <param name="K">How many slices to return.</param>
/// <param name="MinSupport">The fewest rows a slice may have.</param>
/// <param name="Alpha">The weight of the slice's error against its size, in (0, 1].</param>
/// <param name="MaxPredicates">The most predicates a slice may conjoin (1 to 4).</param>
internal sealed record SliceLineOptions(int K, int MinSupport, double Alpha, int MaxPredicates);
