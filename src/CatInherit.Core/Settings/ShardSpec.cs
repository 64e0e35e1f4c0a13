using System.Globalization;

namespace CatInherit.Settings;

/// <summary>
/// One share of a sharded run: shard <see cref="Index"/> (1-based) of <see cref="Count"/>. Each request's rows are put
/// in an order fixed by their content (token count, then a stable hash of what the model reads) and cut into batches;
/// the batches go to the shards round robin. A row lands in the same shard in any file order and process, and a shard
/// computes its batches bit for bit as one run does.
/// </summary>
/// <param name="Index">The shard, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the run is split into.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The most shards a run can be split into.</summary>
    public const int MaxCount = 4096;

    /// <summary>True for shard 1, which also runs the checks that cannot be split (they ask the model while they run).</summary>
    public bool IsFirst => Index == 1;

    /// <summary><c>I/N</c>, the form it is written in.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>I/N</c> (1 ≤ I ≤ N ≤ <see cref="MaxCount"/>); null with <paramref name="problem"/> set otherwise.</summary>
    public static ShardSpec? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        problem = null;
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"a shard is written I/N (shard I of N, e.g. 2/4); found '{text}'";
            return null;
        }

        if (count is < 1 or > MaxCount || index < 1 || index > count)
        {
            problem = $"shard '{text}': N must be from 1 to {MaxCount} and I from 1 to N";
            return null;
        }

        return new ShardSpec(index, count);
    }

    /// <summary>
    /// True when batch <paramref name="batch"/> (0-based, in the content order every run batches a request in) is this
    /// shard's: batches go round robin, from a shard that <paramref name="start"/> (a stable hash of the request's name)
    /// picks, so the shards' shares differ by at most one batch per request and the odd batches spread over the shards.
    /// </summary>
    public bool OwnsBatch(int batch, ulong start) => (int)((((ulong)batch) + (start % (ulong)Count)) % (ulong)Count) == Index - 1;
}
