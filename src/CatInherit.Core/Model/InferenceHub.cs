using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Progress;
using CatInherit.Settings;

namespace CatInherit.Model;

/// <summary>
/// Every inference a run needs, for every model of the policy: dataset rows, counterfactual twins, word
/// lists. Requests are collected first and deduplicated by content; <see cref="Resolve"/> then reads the
/// cache, opens (and checks) only the models that have misses, and runs each missing request once.
/// </summary>
internal sealed class InferenceHub(InheritancePolicy policy, RunOptions options) : IDisposable
{
    private readonly Dictionary<string, ModelSession?> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ModelSession Session, InferenceRequest Request)> requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelOutputs> results = new(StringComparer.Ordinal);

    /// <summary>The models that took part, in policy order.</summary>
    public IReadOnlyList<ModelInfo> Used => [.. policy.Models.Where(m => sessions.GetValueOrDefault(m.Name) is { HasWork: true }).Select(m => sessions[m.Name]!.Info)];

    /// <summary>Registers a dataset's rows; returns the request's id, or null after a diagnostic.</summary>
    public string? Request(ModelSpec model, string label, DataTable table, List<Diagnostic> diagnostics)
    {
        var session = Session(model, diagnostics);
        if (session is null)
        {
            return null;
        }

        var request = session.Prepare(label, table);
        var id = $"{model.Name}:{request.CacheKey}";
        requests.TryAdd(id, (session, request));
        return id;
    }

    /// <summary>Registers generated texts for a text model.</summary>
    public string? Request(ModelSpec model, string label, IReadOnlyList<string> texts, List<Diagnostic> diagnostics, SourceLocation at)
    {
        if (model.TextColumn is not { } column)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModelSignature, at, $"model '{model.Name}' reads numeric features; this check feeds it text"));
            return null;
        }

        var table = new DataTable(label, [.. Enumerable.Range(1, texts.Count)], new Dictionary<string, DataColumn> { [column] = new TextColumn(column, [.. texts]) });
        return Request(model, label, table, diagnostics);
    }

    /// <summary>Opens the models that have cache misses, checks them, and runs every missing request.</summary>
    public bool Resolve(List<Diagnostic> diagnostics, IProgress<RunProgress>? progress)
    {
        foreach (var session in requests.Values.Where(r => r.Request.Cached is null).Select(r => r.Session).Distinct())
        {
            session.EnsureOpen(diagnostics);
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return false;
        }

        foreach (var (id, (session, request)) in requests)
        {
            try
            {
                results[id] = session.Infer(request, progress);
            }
            catch (InvalidInputException ex)
            {
                // A model that fails at run time on what the policy feeds it (CAT0113); its other requests would fail alike.
                diagnostics.AddRange(ex.Diagnostics);
                return false;
            }
        }

        foreach (var session in policy.Models.Select(m => sessions.GetValueOrDefault(m.Name)).OfType<ModelSession>().Where(s => s.HasWork))
        {
            progress?.Report(new RunProgress("infer", session.Info.Name, session.InferredRows + session.CachedRows, session.InferredRows + session.CachedRows, session.Summary));
        }

        return true;
    }

    public ModelOutputs Outputs(string id) => results[id];

    /// <summary>
    /// A query path for a probe that asks its model while it runs (<see cref="ModelQuery"/>): each round is prepared,
    /// looked up in the cache and inferred like any request, opening the model on the first miss. A model that cannot
    /// open, or fails on what it is fed, throws <see cref="InvalidInputException"/> with the diagnostics.
    /// </summary>
    /// <remarks>Rounds report no progress of their own: an attack sends hundreds of small ones.</remarks>
    public ModelQuery Query(ModelSpec model, string label) =>
        new(model, label, (name, table) =>
        {
            var diagnostics = new List<Diagnostic>();
            var session = Session(model, diagnostics) ?? throw new InvalidInputException(diagnostics);
            var request = session.Prepare(name, table);
            if (request.Cached is null && !session.EnsureOpen(diagnostics))
            {
                throw new InvalidInputException(diagnostics);
            }

            return session.Infer(request, null);
        });

    public void Dispose()
    {
        foreach (var session in sessions.Values)
        {
            session?.Dispose();
        }
    }

    private ModelSession? Session(ModelSpec model, List<Diagnostic> diagnostics)
    {
        if (!sessions.TryGetValue(model.Name, out var session))
        {
            session = ModelSession.Open(model, options, diagnostics);
            sessions[model.Name] = session;
        }

        return session;
    }
}
