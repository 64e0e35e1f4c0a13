using System.Globalization;
using CatInherit.Policy;
using nietras.SeparatedValues;

namespace CatInherit.Data;

/// <summary>Reads the requested columns of a CSV (or TSV) file with a header row.</summary>
internal static class CsvTableReader
{
    /// <summary>The header's column names (empty for an empty file).</summary>
    public static IReadOnlyList<string> Header(string path, char separator)
    {
        using var reader = Sep.New(separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        return reader.Header.IsEmpty ? [] : [.. reader.Header.ColNames];
    }

    public static DataTable? Read(string path, string displayPath, char separator, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        using var reader = Sep.New(separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var header = reader.Header;
        if (header.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyData, SourceLocation.OfFile(displayPath), "the file is empty; expected a header row naming the columns, then data rows"));
            return null;
        }

        var names = header.ColNames.ToList();
        var columns = TableReader.MatchColumns(requests, names, displayPath, diagnostics);
        if (columns is null)
        {
            return null;
        }

        var accumulators = columns.Select(c => new ColumnAccumulator(c.Request, displayPath, c.Index + 1, diagnostics)).ToArray();
        var lines = new List<int>();
        var ragged = 0;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var number = lines.Count + 1;
            if (row.ColCount != names.Count)
            {
                if (++ragged <= 5)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RaggedRow, new SourceLocation(displayPath, line, 1),
                        string.Create(CultureInfo.InvariantCulture, $"row {number} has {row.ColCount} fields but the header has {names.Count}; check for a missing or extra '{separator}' or an unquoted value")));
                }

                lines.Add(line);
                for (var i = 0; i < accumulators.Length; i++)
                {
                    var index = columns[i].Index;
                    if (index < row.ColCount)
                    {
                        accumulators[i].Add(row[index].Span, number, line);
                    }
                    else
                    {
                        accumulators[i].AddMissing(number, line);
                    }
                }

                continue;
            }

            lines.Add(line);
            for (var i = 0; i < accumulators.Length; i++)
            {
                accumulators[i].Add(row[columns[i].Index].Span, number, line);
            }
        }

        if (ragged > 5)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RaggedRow, SourceLocation.OfFile(displayPath), string.Create(CultureInfo.InvariantCulture, $"{ragged - 5} more rows with the wrong number of fields")));
        }

        return TableReader.Finish(displayPath, lines, accumulators, diagnostics);
    }
}
