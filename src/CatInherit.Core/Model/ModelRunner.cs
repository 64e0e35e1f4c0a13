using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Settings;

namespace CatInherit.Model;

/// <summary>
/// Runs a model outside a policy, through the same engine (tokenizer, batching, pooling, cache):
/// for tools that build or probe models in code.
/// </summary>
public sealed class ModelRunner : IDisposable
{
    private readonly ModelSession session;
    private readonly ModelSpec spec;

    private ModelRunner(ModelSession session, ModelSpec spec)
    {
        this.session = session;
        this.spec = spec;
    }

    /// <summary>The model and the provider it runs on.</summary>
    public ModelInfo Info => session.Info;

    /// <summary>Opens the model; throws <see cref="InvalidInputException"/> with diagnostics when it cannot.</summary>
    public static ModelRunner Open(ModelSpec spec, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new RunOptions();
        var diagnostics = new List<Diagnostic>();
        var session = ModelSession.Open(spec, options, diagnostics);
        if (session is null || !session.EnsureOpen(diagnostics))
        {
            session?.Dispose();
            throw new InvalidInputException(diagnostics);
        }

        return new ModelRunner(session, spec);
    }

    /// <summary>The model's output for each text (a text model's <c>inputs.text</c>), one row per text.</summary>
    public float[][] Run(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (spec.TextColumn is not { } column)
        {
            throw new InvalidOperationException("This model reads numeric features, not text.");
        }

        var table = new DataTable("(code)", [.. Enumerable.Range(1, texts.Count)], new Dictionary<string, DataColumn> { [column] = new TextColumn(column, [.. texts]) });
        var outputs = session.Infer(session.Prepare("(code)", table), null);
        return [.. Enumerable.Range(0, outputs.Rows).Select(r => outputs.Row(r).ToArray())];
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();
}
