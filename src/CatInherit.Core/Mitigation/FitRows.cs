using CatInherit.Data;
using CatInherit.Model;
using CatInherit.Policy;

namespace CatInherit.Mitigation;

/// <summary>The fit dataset's rows as one model sees them: the table and its predictions (labels, logits, probabilities).</summary>
internal sealed record FitRows(DataTable Table, PredictionSet Predictions)
{
    /// <summary>Reads the fit dataset and runs <paramref name="reading"/> on it; null after a diagnostic.</summary>
    public static FitRows? Read(MitigationSpec mitigation, ModelSpec? reading, FitContext context, List<Diagnostic> diagnostics, params ColumnRequest[] extra) =>
        Read(mitigation.Fit!, reading, context, diagnostics, extra);

    /// <summary>Reads any dataset and runs <paramref name="reading"/> on it (or takes its own outputs when it has them); null after a diagnostic.</summary>
    public static FitRows? Read(DatasetSpec fit, ModelSpec? reading, FitContext context, List<Diagnostic> diagnostics, params ColumnRequest[] extra)
    {
        var bound = fit.BoundTo(fit.DeclaredModel, fit.HasOwnOutputs ? null : reading);
        var table = context.Table(bound, reading, extra, diagnostics);
        if (table is null)
        {
            return null;
        }

        ModelOutputs? outputs = null;
        if (reading is not null && !bound.HasOwnOutputs && (outputs = context.Outputs(reading, fit.Name, table, diagnostics)) is null)
        {
            return null;
        }

        return PredictionSetBuilder.Build(bound, table, outputs, diagnostics) is { } predictions ? new FitRows(table, predictions) : null;
    }

    /// <summary>Each row's logits, in float64.</summary>
    public double[][] Logits() => [.. Enumerable.Range(0, Predictions.Count).Select(r => Predictions.LogitRow(r).ToArray())];
}
