using System.Globalization;
using System.Text;
using CatInherit.Policy;
using nietras.SeparatedValues;

namespace CatInherit.Data;

/// <summary>
/// Reads the requested columns of a CSV (or TSV) file with a header row. The file must be UTF-8; a
/// structure that would silently change the data (a repeated column name, a quote that swallows the
/// following rows) is an error at its line.
/// </summary>
internal static class CsvTableReader
{
    private const int MaxReported = 5;

    /// <summary>
    /// The header's column names, read as the run reads them (its first row, strict UTF-8); empty for an empty or
    /// unreadable file, whose problem the run reports with its line.
    /// </summary>
    public static IReadOnlyList<string> Header(string path, char separator)
    {
        try
        {
            using var text = StrictText.OpenReader(path);
            using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
            if (!reader.MoveNext())
            {
                return [];
            }

            var names = new string[reader.Current.ColCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = reader.Current[i].ToString();
            }

            return names;
        }
        catch (DecoderFallbackException)
        {
            return [];
        }
    }

    public static DataTable? Read(string path, string displayPath, char separator, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        try
        {
            return ReadRows(path, displayPath, separator, requests, diagnostics);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(StrictText.InvalidUtf8(path, displayPath, DiagnosticCodes.NotUtf8, separator));
            return null;
        }
    }

    private static DataTable? ReadRows(string path, string displayPath, char separator, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        using var text = StrictText.OpenReader(path);

        // The header is read as an ordinary row: Sep would throw on a repeated name, and this way it is reported at its line.
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        if (!reader.MoveNext() || reader.Current is { ColCount: 1 } blank && blank[0].Span.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyData, SourceLocation.OfFile(displayPath), "the file is empty; expected a header row naming the columns, then data rows"));
            return null;
        }

        if (UnclosedQuote(reader.Current, 1, separator, displayPath) is { } unclosedHeader)
        {
            diagnostics.Add(unclosedHeader);
            return null;
        }

        var names = new List<string>();
        for (var i = 0; i < reader.Current.ColCount; i++)
        {
            names.Add(reader.Current[i].ToString());
        }

        if (!CheckHeader(names, requests, displayPath, diagnostics))
        {
            return null;
        }

        var columns = TableReader.MatchColumns(requests, names, displayPath, diagnostics);
        if (columns is null)
        {
            return null;
        }

        var accumulators = columns.Select(c => new ColumnAccumulator(c.Request, displayPath, c.Index + 1, diagnostics)).ToArray();
        var numeric = accumulators.Select(a => a.Request.Kind == ColumnKind.Numeric).ToArray();
        var lines = new ColumnBuffer<int>();
        var ragged = 0;
        var spanning = 0;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var number = lines.Count + 1;

            // Counted on the raw row, before unescaping rewrites it: an odd count means a quote runs to the end of the file.
            if (UnclosedQuote(row, line, separator, displayPath) is { } unclosed)
            {
                diagnostics.Add(unclosed);
                return null;
            }

            if (row.ColCount != names.Count && ++ragged <= MaxReported)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RaggedRow, new SourceLocation(displayPath, line, 1),
                    string.Create(CultureInfo.InvariantCulture, $"row {number} has {row.ColCount} fields but the header has {names.Count}; check for a missing or extra '{Shown(separator)}' or an unquoted value")));
            }

            lines.Add(line);
            var multiLine = row.LineNumberToExcl - line > 1;
            for (var i = 0; i < accumulators.Length; i++)
            {
                var index = columns[i].Index;
                if (index >= row.ColCount)
                {
                    accumulators[i].AddMissing(number, line);
                    continue;
                }

                // Numbers parse straight from the cell (Sep's fast float parser, exactly rounded); anything it does not take
                // as a finite number (spaces, a missing or bad value) goes the general way, which reports it.
                if (numeric[i] && !multiLine && row[index].TryParse<double>() is { } parsed && double.IsFinite(parsed))
                {
                    accumulators[i].AddNumber(parsed);
                    continue;
                }

                var value = row[index].Span;
                if (multiLine && accumulators[i].Request.Kind != ColumnKind.Text && value.ContainsAny('\n', '\r') && ++spanning <= MaxReported)
                {
                    // A label or number never holds a line break: a stray quote has joined several lines into one value.
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MalformedTable, new SourceLocation(displayPath, line, index + 1), string.Create(CultureInfo.InvariantCulture,
                        $"column '{accumulators[i].Request.Name}' ({accumulators[i].Request.Role}), row {number}: a quoted value runs from line {line} to line {row.LineNumberToExcl - 1}, joining those lines into one value; check for a stray '\"'")));
                }

                accumulators[i].Add(value, number, line);
            }
        }

        if (ragged > MaxReported)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RaggedRow, SourceLocation.OfFile(displayPath), string.Create(CultureInfo.InvariantCulture, $"{ragged - MaxReported} more rows with the wrong number of fields")));
        }

        return TableReader.Finish(displayPath, lines, accumulators, diagnostics, columns.ToDictionary(c => c.Request.Name, c => c.Index + 1, StringComparer.Ordinal));
    }

    /// <summary>Reports repeated names of requested columns, and a first line that looks like data rather than a header.</summary>
    private static bool CheckHeader(List<string> names, IReadOnlyList<ColumnRequest> requests, string displayPath, List<Diagnostic> diagnostics)
    {
        var ok = true;
        foreach (var request in requests.DistinctBy(r => r.Name))
        {
            var fields = names.Select((name, i) => (name, field: i + 1)).Where(p => p.name == request.Name).Select(p => p.field).ToList();
            if (fields.Count > 1)
            {
                ok = false;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MalformedTable, new SourceLocation(displayPath, 1, fields[1]),
                    $"the header names column '{request.Name}' ({request.Role}) {(fields.Count == 2 ? "twice" : $"{fields.Count} times")} (fields {string.Join(", ", fields.SkipLast(1))} and {fields[^1]}); rename all but one so the policy's column is unambiguous"));
            }
        }

        // Not one requested column found, and a "name" that is a number: the file starts with a data row.
        var noneFound = requests.All(r => !names.Contains(r.Name, StringComparer.Ordinal));
        if (noneFound && names.Any(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var wanted = string.Join(", ", requests.Select(r => r.Name).Distinct(StringComparer.Ordinal));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MalformedTable, new SourceLocation(displayPath, 1, 1),
                $"the first line looks like data, not a header (it holds the number '{names.First(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _))}'); the first line must name the columns, e.g. {wanted}"));
            ok = false;
        }

        return ok;
    }

    /// <summary>A quote that opens in <paramref name="row"/> and never closes, swallowing the rest of the file into one value.</summary>
    private static Diagnostic? UnclosedQuote(SepReader.Row row, int firstLine, char separator, string displayPath)
    {
        var raw = row.Span;
        if (raw.Count('"') % 2 == 0)
        {
            return null;
        }

        var quoted = false;
        var opened = 0;
        var field = 1;
        var openedField = 1;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '"')
            {
                quoted = !quoted;
                if (quoted)
                {
                    (opened, openedField) = (i, field);
                }
            }
            else if (raw[i] == separator && !quoted)
            {
                field++;
            }
        }

        var line = firstLine + raw[..opened].Count('\n');
        var swallowed = raw[opened..].TrimEnd("\r\n").Count('\n');
        var rest = swallowed == 0 ? " before the end of the file" : string.Create(CultureInfo.InvariantCulture, $", so the {swallowed} line{(swallowed == 1 ? string.Empty : "s")} after it would be read as part of one value");
        return Diagnostic.Error(DiagnosticCodes.MalformedTable, new SourceLocation(displayPath, line, openedField), string.Create(CultureInfo.InvariantCulture,
            $"a quote opens in field {openedField} on line {line} and is never closed{rest}; close the quote, or write a quote inside a quoted value as \"\""));
    }

    private static string Shown(char separator) => separator == '\t' ? "\\t" : separator.ToString();
}
