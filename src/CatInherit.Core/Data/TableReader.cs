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
    internal static DataTable? Finish(string displayPath, List<int> lines, IEnumerable<ColumnAccumulator> accumulators, List<Diagnostic> diagnostics, IReadOnlyDictionary<string, int> fields)
    {
        if (lines.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyData, SourceLocation.OfFile(displayPath), "the file has a header but no data rows"));
            return null;
        }

        var columns = accumulators.Select(a => a.Build()).ToDictionary(c => c.Name, StringComparer.Ordinal);
        return new DataTable(displayPath, [.. lines], columns, fields);
    }

    private static DataTable? Unsupported(string displayPath, string extension, List<Diagnostic> diagnostics)
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedDataFormat, SourceLocation.OfFile(displayPath), $"cannot read '{extension}' files; use .csv, .tsv or .jsonl"));
        return null;
    }
}
