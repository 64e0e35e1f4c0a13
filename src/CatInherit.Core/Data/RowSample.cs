using CatInherit.Metrics;

namespace CatInherit.Data;

/// <summary>
/// The rows a dataset's <c>sample: N</c> keeps: the first N of a shuffle seeded by the dataset's name
/// (not by <c>--seed</c>, so the model's cached outputs stay valid), returned in file order.
/// </summary>
internal static class RowSample
{
    public static int[] Choose(int rows, int count, string datasetName) => Choose(rows, count, StableHash.Of("sample:" + datasetName));

    /// <summary><paramref name="count"/> of <paramref name="rows"/> indices, chosen by a shuffle seeded with <paramref name="seed"/>, in ascending order.</summary>
    public static int[] Choose(int rows, int count, ulong seed)
    {
        var indices = Enumerable.Range(0, rows).ToArray();
        var rng = new Xoshiro256(seed);
        for (var i = 0; i < Math.Min(count, rows - 1); i++)
        {
            var j = i + rng.NextInt(rows - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var chosen = indices[..Math.Min(count, rows)];
        Array.Sort(chosen);
        return chosen;
    }
}
