namespace CatInherit.Data;

/// <summary>The requested columns of one data file, with each row's line number (and each column's field number) for messages.</summary>
internal sealed class DataTable(string file, int[] lines, IReadOnlyDictionary<string, DataColumn> columns, IReadOnlyDictionary<string, int>? fields = null)
{
    private readonly Dictionary<string, DataColumn> columns = new(columns, StringComparer.Ordinal);

    public string File { get; } = file;

    public int RowCount => Lines.Length;

    /// <summary>The 1-based file line where each row starts.</summary>
    public int[] Lines { get; } = lines;

    public T Column<T>(string name) where T : DataColumn => (T)columns[name];

    public bool Has(string name) => columns.ContainsKey(name);

    /// <summary>The column's 1-based field number in the file (1 for JSONL), or 0 when unknown.</summary>
    public int FieldOf(string name) => fields?.GetValueOrDefault(name) ?? 0;

    /// <summary>
    /// Lets go of columns whose values now live elsewhere (score columns, once they are a prediction set's probabilities or
    /// logits), so a large file is held once.
    /// </summary>
    /// <returns>About how many bytes the released columns held.</returns>
    public long Release(IEnumerable<string> names)
    {
        long released = 0;
        foreach (var name in names)
        {
            if (columns.Remove(name, out var column))
            {
                released += column.ApproximateBytes;
            }
        }

        return released;
    }

    /// <summary>About how many bytes the table's arrays hold (for deciding when a collection is worth it).</summary>
    public long ApproximateBytes => (4L * RowCount) + columns.Values.Sum(c => c.ApproximateBytes);

    /// <summary>The table with <paramref name="added"/> columns beside its own (decoded image pixels).</summary>
    public DataTable With(IEnumerable<DataColumn> added) =>
        new(File, Lines, columns.Values.Concat(added).ToDictionary(c => c.Name, StringComparer.Ordinal), fields);

    /// <summary>The table restricted to <paramref name="rows"/> (ascending row indices).</summary>
    public DataTable Select(int[] rows) =>
        new(File, [.. rows.Select(r => Lines[r])], columns.ToDictionary(c => c.Key, c => c.Value.Select(rows), StringComparer.Ordinal), fields);
}
