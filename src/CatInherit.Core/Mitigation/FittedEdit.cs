using System.Text.Json.Nodes;
using CatInherit.Data;

namespace CatInherit.Mitigation;

/// <summary>What a fit produced: the graph edit, what the report says about it, and (for abstention) how to score a row.</summary>
internal sealed class FittedEdit
{
    /// <summary>The fitted values, as the report shows them.</summary>
    public required JsonObject Summary { get; init; }

    /// <summary>Writes the fix into a graph; null when the fix corrects precomputed predictions instead.</summary>
    public Action<OnnxGraphEditor>? Edit { get; init; }

    /// <summary>Things worth knowing (dropped pairs, ties); the report lists them.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>For abstention: the model reading the scored logits (the model itself, or a copy exposing them).</summary>
    public Policy.ModelSpec? Reading { get; init; }

    /// <summary>For abstention: whether a row of (edited) logits is accepted.</summary>
    public Func<double[], bool>? Accepts { get; init; }

    /// <summary>For thresholds: the predictions of a table's rows with the fitted decision rule applied (unchanged when the table has no group column).</summary>
    public Func<DataTable, PredictionSet, PredictionSet>? Correct { get; init; }

    /// <summary>Extra files to write beside the mitigated model (file name → bytes), e.g. the thresholds as JSON.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; init; } = new Dictionary<string, byte[]>();
}
