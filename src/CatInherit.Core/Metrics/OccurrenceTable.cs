namespace CatInherit.Metrics;

/// <summary>
/// How many rows of each content a run has seen so far, so the next part of the data continues the occurrence numbering
/// of <see cref="RowIdentity"/> (a shard after another): sorted contents with their counts, merged part by part.
/// </summary>
internal sealed class OccurrenceTable
{
    private ulong[] contents = [];
    private long[] counts = [];

    /// <summary>The number of distinct contents seen.</summary>
    public int Count => contents.Length;

    /// <summary>How many rows with <paramref name="content"/> came before.</summary>
    public long Seen(ulong content)
    {
        var at = Array.BinarySearch(contents, content);
        return at >= 0 ? counts[at] : 0;
    }

    /// <summary>Adds a part's distinct contents (ascending) with their row counts.</summary>
    public void Add(IReadOnlyList<(ulong Content, long Count)> part)
    {
        var mergedContents = new List<ulong>(contents.Length + part.Count);
        var mergedCounts = new List<long>(contents.Length + part.Count);
        int i = 0, j = 0;
        while (i < contents.Length || j < part.Count)
        {
            if (j == part.Count || (i < contents.Length && contents[i] < part[j].Content))
            {
                mergedContents.Add(contents[i]);
                mergedCounts.Add(counts[i++]);
            }
            else if (i == contents.Length || part[j].Content < contents[i])
            {
                mergedContents.Add(part[j].Content);
                mergedCounts.Add(part[j++].Count);
            }
            else
            {
                mergedContents.Add(contents[i]);
                mergedCounts.Add(counts[i++] + part[j++].Count);
            }
        }

        contents = [.. mergedContents];
        counts = [.. mergedCounts];
    }
}
