using System.Globalization;
using CatInherit.Policy;

namespace CatInherit.Data;

/// <summary>
/// Turns raw cell text into a typed column. Both readers feed it, so a value means the same thing in
/// CSV and JSONL, and a bad value is reported the same way. Allocation-light: categorical cells are
/// interned through a span lookup, numbers parse from spans into chunked float64 storage (no string, no
/// per-row object, no interning), copied once into the column's array.
/// </summary>
internal sealed class ColumnAccumulator
{
    private const int MaxReportedRows = 5;

    private readonly ColumnRequest request;
    private readonly string file;
    private readonly int fieldNumber;
    private readonly List<Diagnostic> diagnostics;
    private readonly ColumnBuffer<int> codes = new();
    private readonly ColumnBuffer<double> numbers = new();
    private readonly List<string> texts = [];
    private readonly Dictionary<string, int> levels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> levelLookup;
    private int problems;

    public ColumnAccumulator(ColumnRequest request, string file, int fieldNumber, List<Diagnostic> diagnostics)
    {
        this.request = request;
        this.file = file;
        this.fieldNumber = fieldNumber;
        this.diagnostics = diagnostics;
        levelLookup = levels.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ColumnRequest Request => request;

    /// <summary>Adds the cell of data row <paramref name="row"/> (1-based) that starts on <paramref name="line"/>.</summary>
    public void Add(ReadOnlySpan<char> raw, int row, int line)
    {
        var value = request.Kind == ColumnKind.Text ? raw : raw.Trim();
        switch (request.Kind)
        {
            case ColumnKind.Text:
                texts.Add(value.ToString());
                return;
            case ColumnKind.Numeric:
                if (value.IsEmpty)
                {
                    AddMissing(row, line);
                }
                else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    numbers.Add(number);
                }
                else
                {
                    Report(DiagnosticCodes.NotANumber, line, $"column '{request.Name}' ({request.Role}), row {row}: '{value}' is not a finite number");
                    numbers.Add(0);
                }

                return;
            default:
                if (value.IsEmpty)
                {
                    AddMissing(row, line);
                    return;
                }

                if (!levelLookup.TryGetValue(value, out var code))
                {
                    code = levels.Count;
                    levels.Add(value.ToString(), code);
                }

                codes.Add(code);
                return;
        }
    }

    /// <summary>Adds a finite number a reader has already parsed (the CSV reader's fast path).</summary>
    public void AddNumber(double number) => numbers.Add(number);

    /// <summary>Records a row that has no value for this column.</summary>
    public void AddMissing(int row, int line)
    {
        if (request.Kind == ColumnKind.Text)
        {
            texts.Add(string.Empty);
            return;
        }

        Report(DiagnosticCodes.MissingValue, line, $"column '{request.Name}' ({request.Role}), row {row}: the value is missing; fill it in or drop the row");
        if (request.Kind == ColumnKind.Numeric)
        {
            numbers.Add(0);
        }
        else
        {
            codes.Add(0);
        }
    }

    public DataColumn Build()
    {
        if (problems > MaxReportedRows)
        {
            diagnostics.Add(Diagnostic.Error(request.Kind == ColumnKind.Numeric ? DiagnosticCodes.NotANumber : DiagnosticCodes.MissingValue, SourceLocation.OfFile(file),
                string.Create(CultureInfo.InvariantCulture, $"column '{request.Name}': {problems - MaxReportedRows} more rows with bad or missing values (only the first {MaxReportedRows} are listed)")));
        }

        return request.Kind switch
        {
            ColumnKind.Numeric => new NumericColumn(request.Name, numbers.ToArray()),
            ColumnKind.Text => new TextColumn(request.Name, [.. texts]),
            _ => new CategoricalColumn(request.Name, codes.ToArray(), [.. levels.OrderBy(p => p.Value).Select(p => p.Key)]),
        };
    }

    private void Report(string code, int line, string message)
    {
        if (++problems <= MaxReportedRows)
        {
            diagnostics.Add(Diagnostic.Error(code, new SourceLocation(file, line, fieldNumber), message));
        }
    }
}
