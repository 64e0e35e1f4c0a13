namespace CatInherit.Probes.Interpret;

/// <summary>One feature slices are cut on: each row's level (−1 where it does not apply) and the levels' names.</summary>
/// <param name="Name">The feature as reports name it: a column, or a derived feature such as <c>text_length</c>.</param>
/// <param name="Codes">Each row's level index, or −1.</param>
/// <param name="Levels">The levels, in their natural order (buckets and deciles ascending).</param>
internal sealed record SliceFeature(string Name, int[] Codes, string[] Levels);
