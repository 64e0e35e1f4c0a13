using CatInherit.Data;
using CatInherit.Policy;

namespace CatInherit.Model;

/// <summary>
/// A probe's line to its model while it runs, for probes whose next inputs depend on the model's last answers
/// (black-box attacks). Each call is one round: all its rows, whichever inputs they come from, go to the engine as
/// one request, so they are batched (and length-bucketed) together and cached on disk by content like any dataset;
/// a re-run with nothing changed reads every round from the cache. <see cref="Rows"/> counts every row asked for.
/// </summary>
internal sealed class ModelQuery
{
    private readonly Func<string, DataTable, ModelOutputs> run;
    private readonly string label;

    /// <summary>A query path through <paramref name="run"/> (the run's <see cref="InferenceHub"/>); <paramref name="label"/> names the rounds in progress.</summary>
    public ModelQuery(ModelSpec model, string label, Func<string, DataTable, ModelOutputs> run)
    {
        Model = model;
        this.label = label;
        this.run = run;
    }

    /// <summary>The model queried.</summary>
    public ModelSpec Model { get; }

    /// <summary>Rounds sent so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>Rows sent so far, over every round.</summary>
    public long Rows { get; private set; }

    /// <summary>One round of texts for a text model; one output row per text, in order.</summary>
    public ModelOutputs Texts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var column = Model.TextColumn ?? throw new InvalidOperationException($"model '{Model.Name}' reads numeric features, not text.");
        return Send(texts.Count, () => new Dictionary<string, DataColumn> { [column] = new TextColumn(column, [.. texts]) });
    }

    /// <summary>One round of feature rows for a numeric model (each row holds every feature column, in order).</summary>
    public ModelOutputs Features(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var names = Model.FeatureColumns;
        return Send(rows.Count, () => names.Select((name, c) => (name, column: (DataColumn)new NumericColumn(name, [.. rows.Select(r => (double)r[c])])))
            .ToDictionary(p => p.name, p => p.column, StringComparer.Ordinal));
    }

    private ModelOutputs Send(int count, Func<Dictionary<string, DataColumn>> columns)
    {
        if (count == 0)
        {
            return new ModelOutputs([], 0, 0, Model.OutputKind);
        }

        Rounds++;
        Rows += count;
        var name = $"{label}/round {Rounds}";
        return run(name, new DataTable(name, [.. Enumerable.Range(1, count)], columns()));
    }
}
