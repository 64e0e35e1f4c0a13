namespace CatInherit.Metrics;

/// <summary>
/// A row's identity for the Poisson bootstrap: its <see cref="RowContent"/> hash and its occurrence index among the
/// rows with the same content (0 for the first, 1 for the second, ...), mixed into 64 bits. Rows with the same content
/// are interchangeable for every metric, so which of them gets which occurrence index changes nothing: the identities
/// (and so the resamples) do not depend on the file's row order. A second part of the data continues the first's
/// occurrence numbering (<see cref="Assign(ReadOnlySpan{ulong}, OccurrenceTable?)"/> with the first part's table), so
/// the parts together get exactly the identities the whole would.
/// </summary>
internal static class RowIdentity
{
    /// <summary>The identity of occurrence <paramref name="occurrence"/> (0-based) of content <paramref name="content"/>.</summary>
    public static ulong Of(ulong content, long occurrence) => PoissonCounts.Mix(unchecked(content + ((ulong)(occurrence + 1) * PoissonCounts.Gamma)));

    /// <summary>
    /// The identity of each row of <paramref name="contents"/>. With <paramref name="carried"/>, occurrences continue from the
    /// rows that table has seen, and the table then also counts these rows.
    /// </summary>
    public static ulong[] Assign(ReadOnlySpan<ulong> contents, OccurrenceTable? carried = null)
    {
        var identities = new ulong[contents.Length];
        if (contents.IsEmpty)
        {
            return identities;
        }

        // Sort the contents (with their rows) so equal ones are adjacent; number each run's rows in row order.
        var sorted = contents.ToArray();
        var rows = new int[sorted.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        Array.Sort(sorted, rows);
        var distinct = new List<(ulong Content, long Count)>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            // Rows in row order within a run, so the numbering is reproducible (any order would give the same metrics).
            Array.Sort(rows, start, end - start);
            var first = carried?.Seen(sorted[start]) ?? 0;
            for (var i = start; i < end; i++)
            {
                identities[rows[i]] = Of(sorted[start], first + i - start);
            }

            distinct.Add((sorted[start], end - start));
            start = end;
        }

        carried?.Add(distinct);
        return identities;
    }
}
