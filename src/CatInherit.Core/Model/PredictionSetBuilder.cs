using System.Globalization;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;

namespace CatInherit.Model;

/// <summary>
/// Builds a <see cref="PredictionSet"/> from a dataset's label, prediction and score columns.
/// Class order: the declared <c>classes</c>; else 0..K-1 for K score columns (0, 1 for one column);
/// else the sorted distinct labels and predictions. Hard predictions come from the prediction column
/// when present, otherwise from the argmax of the scores (lowest index wins a tie).
/// </summary>
internal static class PredictionSetBuilder
{
    /// <summary>The role of a score column in messages and plans.</summary>
    public const string ScoreRole = "score";

    /// <summary>Tolerance on a probability row's sum; wider than float rounding, narrower than a real mistake.</summary>
    private const double SumTolerance = 1e-3;

    public static IEnumerable<ColumnRequest> Columns(DatasetSpec dataset)
    {
        if (dataset.Label is { } label)
        {
            yield return new ColumnRequest(label, ColumnKind.Categorical, dataset.Values.LocationOf("label"), "label");
        }

        if (dataset.Prediction is { } prediction)
        {
            yield return new ColumnRequest(prediction, ColumnKind.Categorical, dataset.Values.LocationOf("prediction"), "prediction");
        }

        for (var i = 0; i < dataset.Scores.Count; i++)
        {
            yield return new ColumnRequest(dataset.Scores[i], ColumnKind.Numeric, dataset.Values.LocationOf("scores", i), ScoreRole);
        }
    }

    /// <summary>Builds predictions from the dataset's own columns, or from <paramref name="outputs"/> when it has none.</summary>
    public static PredictionSet? Build(DatasetSpec dataset, DataTable table, ModelOutputs? outputs, List<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count;
        var labelColumn = dataset.Label is { } l ? table.Column<CategoricalColumn>(l) : null;
        var predictionColumn = dataset.Prediction is { } p ? table.Column<CategoricalColumn>(p) : null;
        var ownScores = dataset.Scores.Count > 0;
        var fromModel = !ownScores && predictionColumn is null && outputs is { Kind: not OutputKind.Embedding };
        var scoreCount = ownScores ? dataset.Scores.Count : fromModel ? outputs!.Width : 0;
        var classes = ResolveClasses(dataset, labelColumn, predictionColumn, scoreCount);
        if (fromModel && dataset.Classes.Count > 0 && dataset.Classes.Count != Math.Max(2, scoreCount))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, dataset.Values.LocationOf("classes"), string.Create(CultureInfo.InvariantCulture,
                $"dataset '{dataset.Name}' declares {dataset.Classes.Count} classes but the model outputs {scoreCount} scores per row; give one class per output, in order")));
            return null;
        }

        if (predictionColumn is not null && dataset.Classes.Count == 0 && !StrayPredictions(predictionColumn, labelColumn, table, dataset, diagnostics))
        {
            return null;
        }

        var labels = labelColumn is null ? [] : MapToClasses(labelColumn, classes, table, dataset, "label", diagnostics);
        Scores? scores = null;
        if (ownScores)
        {
            var columns = dataset.Scores.Select(s => table.Column<NumericColumn>(s).Values).ToArray();
            scores = Probabilities(table.RowCount, columns.Length, (row, k) => columns[k][row], dataset.ScoreKind!.Value, table, dataset.Scores, [.. dataset.Scores.Select(table.FieldOf)], diagnostics);
        }
        else if (fromModel)
        {
            var values = outputs!.Values;
            var width = outputs.Width;
            var kind = outputs.Kind == OutputKind.Logits ? ScoreKind.Logits : ScoreKind.Probabilities;

            // ONNX Runtime's float32 outputs are widened here, once; everything after is float64.
            scores = Probabilities(table.RowCount, width, (row, k) => values[(row * width) + k], kind, table, [.. Enumerable.Range(0, width).Select(k => $"output {k}")], new int[width], diagnostics);
        }

        int[] predicted;
        if (predictionColumn is not null)
        {
            predicted = MapToClasses(predictionColumn, classes, table, dataset, "prediction", diagnostics);
        }
        else if (scores is not null)
        {
            predicted = ArgMax(scores.Logits ?? scores.Probabilities!, classes.Length);
        }
        else
        {
            predicted = [];
        }

        return diagnostics.Count > errors ? null : new PredictionSet(classes, labels, predicted, scores?.Probabilities, scores?.Logits);
    }

    private static string[] ResolveClasses(DatasetSpec dataset, CategoricalColumn? labels, CategoricalColumn? predictions, int scoreCount)
    {
        if (dataset.Classes.Count > 0)
        {
            return [.. dataset.Classes.Select(LabelText.Canonical)];
        }

        if (scoreCount > 0)
        {
            return LabelText.OutputClasses(scoreCount);
        }

        return [.. new[] { labels, predictions }
            .Where(c => c is not null)
            .SelectMany(c => c!.Levels)
            .Select(LabelText.Canonical)
            .Distinct(StringComparer.Ordinal)
            .Order(Comparer<string>.Create(LabelText.Compare))];
    }

    private static int[] MapToClasses(CategoricalColumn column, string[] classes, DataTable table, DatasetSpec dataset, string role, List<Diagnostic> diagnostics)
    {
        var levelToClass = column.Levels.Select(level => Array.IndexOf(classes, LabelText.Canonical(level))).ToArray();
        var result = new int[column.Codes.Length];
        var reported = 0;
        for (var row = 0; row < result.Length; row++)
        {
            var index = levelToClass[column.Codes[row]];
            if (index < 0 && ++reported <= 5)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LabelOutsideClasses, new SourceLocation(table.File, table.Lines[row], table.FieldOf(column.Name)),
                    string.Create(CultureInfo.InvariantCulture, $"column '{column.Name}' ({role}), row {row + 1}: '{column.Levels[column.Codes[row]]}' is not one of the classes [{string.Join(", ", classes)}] of dataset '{dataset.Name}'; fix the value or the dataset's 'classes'")));
            }

            result[row] = index;
        }

        if (reported > 5)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LabelOutsideClasses, SourceLocation.OfFile(table.File), string.Create(CultureInfo.InvariantCulture, $"column '{column.Name}': {reported - 5} more rows outside the classes")));
        }

        return result;
    }

    /// <summary>
    /// Without declared classes, every hard prediction must be a value the label column holds, and none may be a
    /// fractional number (a probability in a column declared as hard predictions). Each stray value is reported
    /// once, at its first row; returns false when any was.
    /// </summary>
    private static bool StrayPredictions(CategoricalColumn predictions, CategoricalColumn? labels, DataTable table, DatasetSpec dataset, List<Diagnostic> diagnostics)
    {
        var labelValues = labels?.Levels.Select(LabelText.Canonical).ToHashSet(StringComparer.Ordinal);
        var firstRow = new int[predictions.Levels.Length];
        Array.Fill(firstRow, -1);
        for (var row = 0; row < predictions.Codes.Length; row++)
        {
            if (firstRow[predictions.Codes[row]] < 0)
            {
                firstRow[predictions.Codes[row]] = row;
            }
        }

        var before = diagnostics.Count;
        foreach (var level in Enumerable.Range(0, predictions.Levels.Length).Where(l => firstRow[l] >= 0).OrderBy(l => firstRow[l]))
        {
            var value = predictions.Levels[level];
            var canonical = LabelText.Canonical(value);
            var fractional = double.TryParse(canonical, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number != Math.Floor(number);
            string? problem = null;
            if (labelValues?.Contains(canonical) == true)
            {
                continue;
            }

            if (fractional)
            {
                problem = $"'{value}' is a fraction, not a class: 'prediction' holds hard class predictions; for probabilities use 'scores: [{predictions.Name}]' with 'score_kind: probabilities'";
            }
            else if (labels is not null)
            {
                var shown = labelValues!.Order(Comparer<string>.Create(LabelText.Compare)).Take(10);
                problem = $"'{value}' never occurs in the label column '{labels.Name}' ({string.Join(", ", shown)}{(labelValues!.Count > 10 ? ", ..." : string.Empty)}); fix the value, or declare every class with 'classes: [...]' on dataset '{dataset.Name}'";
            }

            if (problem is not null && diagnostics.Count - before < 5)
            {
                var row = firstRow[level];
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LabelOutsideClasses, new SourceLocation(table.File, table.Lines[row], table.FieldOf(predictions.Name)),
                    string.Create(CultureInfo.InvariantCulture, $"column '{predictions.Name}' (prediction), row {row + 1}: {problem}")));
            }
        }

        return diagnostics.Count == before;
    }

    /// <summary>
    /// Probabilities in float64 (softmax of logits, or the probabilities as given) and, for logits, the logit rows
    /// themselves, so log-probabilities can come from log-softmax rather than from a rounded probability.
    /// </summary>
    private static Scores Probabilities(int n, int scoreCount, Func<int, int, double> score, ScoreKind kind, DataTable table, IReadOnlyList<string> names, int[] fields, List<Diagnostic> diagnostics)
    {
        var classCount = Math.Max(2, scoreCount);
        // Logits are kept as they are; their probabilities are computed when a check first reads them (PredictionSet).
        var logits = kind == ScoreKind.Logits ? new double[n * classCount] : null;
        var result = logits is null ? new double[n * classCount] : null;
        var row = new double[scoreCount];
        var reported = 0;
        for (var r = 0; r < n; r++)
        {
            for (var k = 0; k < scoreCount; k++)
            {
                row[k] = score(r, k);
            }

            if (logits is not null)
            {
                var logitRow = logits.AsSpan(r * classCount, classCount);
                Probability.LogitRow(row, logitRow);
                continue;
            }

            Probability.FromScores(row, logits: false, result.AsSpan(r * classCount, classCount));
            for (var k = 0; k < scoreCount; k++)
            {
                if (row[k] is < 0 or > 1)
                {
                    Report(r, fields[k], string.Create(CultureInfo.InvariantCulture, $"probability {row[k]} in '{names[k]}' is outside [0, 1]"));
                }
            }

            if (scoreCount > 1 && Math.Abs(row.Sum() - 1) > SumTolerance)
            {
                Report(r, fields[0], string.Create(CultureInfo.InvariantCulture, $"probabilities sum to {row.Sum():R}, not 1; if these are raw model outputs, use 'score_kind: logits'"));
            }
        }

        return new Scores(result, logits);

        void Report(int r, int field, string message)
        {
            if (++reported <= 5)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidProbabilities, new SourceLocation(table.File, table.Lines[r], field), string.Create(CultureInfo.InvariantCulture, $"row {r + 1}: {message}")));
            }
        }
    }

    private static int[] ArgMax(double[] scores, int classCount) =>
        [.. Enumerable.Range(0, scores.Length / classCount).Select(r => Probability.ArgMax(scores.AsSpan(r * classCount, classCount)))];

    /// <summary>Row-major probabilities, and the logits they came from (null when the probabilities were given).</summary>
    private sealed record Scores(double[]? Probabilities, double[]? Logits);
}
