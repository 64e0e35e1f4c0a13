namespace CatInherit.Data;

/// <summary>The requested columns of one data file, with each row's line number for messages.</summary>
internal sealed class DataTable(string file, int[] lines, IReadOnlyDictionary<string, DataColumn> columns)
{
    public string File { get; } = file;

    public int RowCount => Lines.Length;

    /// <summary>The 1-based file line where each row starts.</summary>
    public int[] Lines { get; } = lines;

    public T Column<T>(string name) where T : DataColumn => (T)columns[name];

    public bool Has(string name) => columns.ContainsKey(name);

    /// <summary>The table restricted to <paramref name="rows"/> (ascending row indices).</summary>
    public DataTable Select(int[] rows) =>
        new(File, [.. rows.Select(r => Lines[r])], columns.ToDictionary(c => c.Key, c => c.Value.Select(rows), StringComparer.Ordinal));
}
