namespace CatInherit.Data;

/// <summary>The requested columns of one data file, with each row's line number (and each column's field number) for messages.</summary>
internal sealed class DataTable(string file, int[] lines, IReadOnlyDictionary<string, DataColumn> columns, IReadOnlyDictionary<string, int>? fields = null)
{
    public string File { get; } = file;

    public int RowCount => Lines.Length;

    /// <summary>The 1-based file line where each row starts.</summary>
    public int[] Lines { get; } = lines;

    public T Column<T>(string name) where T : DataColumn => (T)columns[name];

    public bool Has(string name) => columns.ContainsKey(name);

    /// <summary>The column's 1-based field number in the file (1 for JSONL), or 0 when unknown.</summary>
    public int FieldOf(string name) => fields?.GetValueOrDefault(name) ?? 0;

    /// <summary>The table with <paramref name="added"/> columns beside its own (decoded image pixels).</summary>
    public DataTable With(IEnumerable<DataColumn> added) =>
        new(File, Lines, columns.Values.Concat(added).ToDictionary(c => c.Name, StringComparer.Ordinal), fields);

    /// <summary>The table restricted to <paramref name="rows"/> (ascending row indices).</summary>
    public DataTable Select(int[] rows) =>
        new(File, [.. rows.Select(r => Lines[r])], columns.ToDictionary(c => c.Key, c => c.Value.Select(rows), StringComparer.Ordinal), fields);
}
