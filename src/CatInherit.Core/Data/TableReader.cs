using CatInherit.Policy;

namespace CatInherit.Data;

/// <summary>Reads the requested columns of a data file, choosing the reader by extension.</summary>
internal static class TableReader
{
    /// <summary>Reads <paramref name="path"/>; returns null when any error was reported.</summary>
    public static DataTable? Read(string path, string displayPath, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DataNotFound, SourceLocation.OfFile(displayPath), $"data file not found (resolved to {path})"));
            return null;
        }

        var errorsBefore = diagnostics.Count(d => d.IsError);
        var table = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvTableReader.Read(path, displayPath, ',', requests, diagnostics),
            ".tsv" => CsvTableReader.Read(path, displayPath, '\t', requests, diagnostics),
            ".jsonl" => JsonlTableReader.Read(path, displayPath, requests, diagnostics),
            var other => Unsupported(displayPath, other, diagnostics),
        };
        return diagnostics.Count(d => d.IsError) > errorsBefore ? null : table;
    }

    /// <summary>Reads the requested columns of a table given in code; row i is reported as line i + 1 of <paramref name="displayPath"/>.</summary>
    public static DataTable? Read(InMemoryTable source, string displayPath, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        var errorsBefore = diagnostics.Count(d => d.IsError);
        var columns = MatchColumns(requests, source.Columns, displayPath, diagnostics);
        if (columns is null)
        {
            return null;
        }

        var accumulators = columns.Select(c => new ColumnAccumulator(c.Request, displayPath, c.Index + 1, diagnostics)).ToArray();
        var lines = new ColumnBuffer<int>();
        for (var row = 0; row < source.Rows.Count; row++)
        {
            var cells = source.Rows[row];
            lines.Add(row + 1);
            for (var i = 0; i < accumulators.Length; i++)
            {
                if (columns[i].Index < cells.Count)
                {
                    accumulators[i].Add(cells[columns[i].Index], row + 1, row + 1);
                }
                else
                {
                    accumulators[i].AddMissing(row + 1, row + 1);
                }
            }
        }

        var table = Finish(displayPath, lines, accumulators, diagnostics, columns.ToDictionary(c => c.Request.Name, c => c.Index + 1, StringComparer.Ordinal));
        return diagnostics.Count(d => d.IsError) > errorsBefore ? null : table;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> has every requested column by reading only its header (a CSV's first
    /// row, a JSONL file's first object), as validation does; reports every missing column with a suggestion.
    /// </summary>
    public static void CheckHeader(string path, string displayPath, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DataNotFound, SourceLocation.OfFile(displayPath), $"data file not found (resolved to {path})"));
            return;
        }

        IReadOnlyList<string>? names = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvTableReader.Header(path, ','),
            ".tsv" => CsvTableReader.Header(path, '\t'),
            ".jsonl" => File.ReadLines(path, System.Text.Encoding.UTF8).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first ? JsonlTableReader.FirstRowKeys(first) : null,
            _ => null,
        };
        if (names is { Count: > 0 })
        {
            _ = MatchColumns(requests, names, displayPath, diagnostics);
        }
    }

    /// <summary>Finds each requested column among <paramref name="names"/>; reports every missing one.</summary>
    internal static List<(ColumnRequest Request, int Index)>? MatchColumns(IReadOnlyList<ColumnRequest> requests, IReadOnlyList<string> names, string displayPath, List<Diagnostic> diagnostics)
    {
        var result = new List<(ColumnRequest, int)>();
        var ok = true;
        foreach (var request in requests.DistinctBy(r => r.Name))
        {
            var index = -1;
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] == request.Name)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                ok = false;
                var shown = names.Count <= 12 ? string.Join(", ", names) : string.Join(", ", names.Take(12)) + ", ...";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingColumn, request.NamedAt,
                    $"column '{request.Name}' ({request.Role}) is not in {displayPath}.{Suggestions.DidYouMean(request.Name, names)} Columns: {shown}"));
                continue;
            }

            result.Add((request, index));
        }

        return ok ? result : null;
    }

    /// <summary>The table of the rows read; <paramref name="fields"/> gives each column's 1-based field number for messages.</summary>
    internal static DataTable? Finish(string displayPath, ColumnBuffer<int> lines, IEnumerable<ColumnAccumulator> accumulators, List<Diagnostic> diagnostics, IReadOnlyDictionary<string, int> fields)
    {
        if (lines.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyData, SourceLocation.OfFile(displayPath), "the file has a header but no data rows"));
            return null;
        }

        var columns = accumulators.Select(a => a.Build()).ToDictionary(c => c.Name, StringComparer.Ordinal);
        return new DataTable(displayPath, lines.ToArray(), columns, fields);
    }

    private static DataTable? Unsupported(string displayPath, string extension, List<Diagnostic> diagnostics)
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedDataFormat, SourceLocation.OfFile(displayPath), $"cannot read '{extension}' files; use .csv, .tsv or .jsonl"));
        return null;
    }
}
