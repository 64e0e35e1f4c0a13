namespace CatInherit.Data;

/// <summary>
/// A table given in code instead of a file (code-first checks, tests): column names and rows of text cells,
/// read through the same typed conversion as a CSV file, so values, errors and reports are the same.
/// </summary>
/// <param name="Columns">The header.</param>
/// <param name="Rows">One list of cells per row, in header order.</param>
public sealed record InMemoryTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
