using System.Globalization;
using System.Text;
using System.Text.Json;
using CatInherit.Policy;

namespace CatInherit.Data;

/// <summary>
/// Reads JSON Lines: one object per line. Numbers keep their JSON text (so a label <c>1</c> reads as
/// "1"), booleans read as "true"/"false", null or an absent key is a missing value.
/// </summary>
internal static class JsonlTableReader
{
    public static DataTable? Read(string path, string displayPath, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        try
        {
            return ReadLines(path, displayPath, requests, diagnostics);
        }
        catch (DecoderFallbackException)
        {
            // JSONL positions are (line, 1): a "separator" that never occurs inside a line gives field 1.
            diagnostics.Add(StrictText.InvalidUtf8(path, displayPath, DiagnosticCodes.NotUtf8, separator: '\n'));
            return null;
        }
    }

    private static DataTable? ReadLines(string path, string displayPath, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        var accumulators = new Dictionary<string, ColumnAccumulator>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            accumulators.TryAdd(request.Name, new ColumnAccumulator(request, displayPath, 1, diagnostics));
        }

        var lookup = accumulators.GetAlternateLookup<ReadOnlySpan<char>>();
        var lines = new ColumnBuffer<int>();
        var seen = new bool[accumulators.Count];
        var ordered = accumulators.Values.ToArray();
        var index = ordered.Select((a, i) => (a.Request.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var badLines = 0;
        var lineNumber = 0;
        // Columns are matched against the first row's keys: a key it lacks is a missing column (reported
        // at the policy line), a key only some later row lacks is a missing value (reported at that row).
        if (File.ReadLines(path, StrictText.Encoding).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first
            && FirstRowKeys(first) is { } firstKeys
            && TableReader.MatchColumns(requests, firstKeys, displayPath, diagnostics) is null)
        {
            return null;
        }

        foreach (var text in File.ReadLines(path, StrictText.Encoding))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var row = lines.Count + 1;
            Array.Clear(seen);
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException("the line is not a JSON object");
                }

                lines.Add(lineNumber);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (!lookup.TryGetValue(name, out var accumulator))
                    {
                        reader.Skip();
                        continue;
                    }

                    if (seen[index[accumulator.Request.Name]])
                    {
                        // A second value for the same column would give the column more values than the file has rows.
                        reader.Skip();
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidJsonLine, new SourceLocation(displayPath, lineNumber, 1), $"row {row}: key '{name}' appears twice in the object; keep one"));
                        continue;
                    }

                    seen[index[accumulator.Request.Name]] = true;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.String:
                            accumulator.Add(reader.GetString(), row, lineNumber);
                            break;
                        case JsonTokenType.Number:
                            var raw = reader.ValueSpan;
                            var chars = Encoding.UTF8.GetChars(raw.ToArray());
                            accumulator.Add(chars, row, lineNumber);
                            break;
                        case JsonTokenType.True:
                        case JsonTokenType.False:
                            accumulator.Add(reader.TokenType == JsonTokenType.True ? "true" : "false", row, lineNumber);
                            break;
                        case JsonTokenType.Null:
                            accumulator.AddMissing(row, lineNumber);
                            break;
                        default:
                            reader.Skip();
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, new SourceLocation(displayPath, lineNumber, 1), $"row {row}: '{name}' holds a JSON object or array; expected a single value"));
                            accumulator.AddMissing(row, lineNumber);
                            break;
                    }
                }

                for (var i = 0; i < seen.Length; i++)
                {
                    if (!seen[i])
                    {
                        ordered[i].AddMissing(row, lineNumber);
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // InvalidOperationException: a string escape that is not Unicode text (an unpaired surrogate such as "\ud800").
                if (++badLines <= 5)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidJsonLine, new SourceLocation(displayPath, lineNumber, 1), $"line {lineNumber} is not a valid JSON object: {FirstSentence(ex.Message)}"));
                }

                if (lines.Count == row)
                {
                    lines.RemoveLast();
                }
            }
        }

        if (badLines > 5)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidJsonLine, SourceLocation.OfFile(displayPath), string.Create(CultureInfo.InvariantCulture, $"{badLines - 5} more lines are not valid JSON objects")));
        }

        if (lines.Count == 0 && badLines == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyData, SourceLocation.OfFile(displayPath), "the file has no rows; expected one JSON object per line"));
            return null;
        }

        return TableReader.Finish(displayPath, lines, ordered, diagnostics, ordered.ToDictionary(a => a.Request.Name, _ => 1, StringComparer.Ordinal));
    }

    internal static List<string>? FirstRowKeys(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object ? [.. document.RootElement.EnumerateObject().Select(p => p.Name)] : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
