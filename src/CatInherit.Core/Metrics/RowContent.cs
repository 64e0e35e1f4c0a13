namespace CatInherit.Metrics;

/// <summary>
/// A 64-bit hash of what a metric reads from one row (a score, a label, a group, a text), the first half of the row's
/// <see cref="RowIdentity"/>. Built from the values, never from the row's position, so a row keeps its hash in any file
/// order and in any shard. Numbers hash by value (−0 as 0), text by its UTF-16 code units.
/// </summary>
internal readonly record struct RowContent(ulong Hash)
{
    /// <summary>A hash that starts from <paramref name="tag"/>: the sample a row belongs to (in- or out-of-distribution, members).</summary>
    public static RowContent Of(string tag) => new(PoissonCounts.Mix(StableHash.Of(tag)));

    public RowContent Add(ulong word) => new(PoissonCounts.Mix(Hash ^ PoissonCounts.Mix(unchecked(word + PoissonCounts.Gamma))));

    public RowContent Add(long value) => Add(unchecked((ulong)value));

    public RowContent Add(bool value) => Add(value ? 1UL : 0UL);

    public RowContent Add(double value) => Add(unchecked((ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value)));

    public RowContent Add(ReadOnlySpan<double> values)
    {
        var result = Add((long)values.Length);
        foreach (var v in values)
        {
            result = result.Add(v);
        }

        return result;
    }

    public RowContent Add(ReadOnlySpan<float> values)
    {
        var result = Add((long)values.Length);
        foreach (var v in values)
        {
            result = result.Add((double)v);
        }

        return result;
    }

    public RowContent Add(ReadOnlySpan<bool> values)
    {
        var result = Add((long)values.Length);
        foreach (var v in values)
        {
            result = result.Add(v);
        }

        return result;
    }

    public RowContent Add(string text)
    {
        // FNV-1a over the code units, then mixed in with the length so "ab" + "c" differs from "a" + "bc".
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return Add((long)text.Length).Add(hash);
    }
}
