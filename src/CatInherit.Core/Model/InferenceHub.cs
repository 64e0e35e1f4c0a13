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

    /// <summary>In a shard: the outputs of the rows this shard computed, for its partial file.</summary>
    public ShardOutputs Computed { get; } = new();

    /// <summary>In a merge: every shard's outputs; no model runs, every request is assembled from them.</summary>
    public ShardOutputs? Merged { get; init; }

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

    /// <summary>
    /// Opens the models that have cache misses, checks them, and runs every missing request. In a shard
    /// (<see cref="RunOptions.Shard"/>) only the shard's rows run, except <paramref name="whole"/> requests (those of checks
    /// that cannot be split), which shard 1 runs in full and the others skip; in a merge nothing runs.
    /// </summary>
    public bool Resolve(List<Diagnostic> diagnostics, IProgress<RunProgress>? progress, IReadOnlySet<string>? whole = null)
    {
        if (Merged is not null)
        {
            return Assemble(diagnostics);
        }

        if (options.Shard is { } shard)
        {
            return ResolveShard(shard, whole ?? new HashSet<string>(), diagnostics, progress);
        }

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

    /// <summary>False for a request a shard did not run in full (its share went to the partial file instead).</summary>
    public bool HasOutputs(string id) => results.ContainsKey(id);

    private bool ResolveShard(ShardSpec shard, IReadOnlySet<string> whole, List<Diagnostic> diagnostics, IProgress<RunProgress>? progress)
    {
        // The batches each request runs here: all of a whole request on shard 1, none elsewhere; of the rest, the batches
        // whose place in the content order falls to this shard (round robin, so shards differ by at most one batch).
        var plan = new List<(string Id, ModelSession Session, InferenceRequest Request, List<int[]>? Batches)>();
        foreach (var (id, (session, request)) in requests)
        {
            if (whole.Contains(id))
            {
                if (shard.IsFirst)
                {
                    plan.Add((id, session, request, null));
                }

                continue;
            }

            plan.Add((id, session, request, [.. InferenceEngine.Batches(request.Inputs, session.BatchSize).Where((_, k) => shard.OwnsBatch(k, Metrics.StableHash.Of(request.Dataset)))]));
        }

        foreach (var session in plan.Where(p => p.Request.Cached is null && p.Batches is not { Count: 0 }).Select(p => p.Session).Distinct())
        {
            session.EnsureOpen(diagnostics);
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return false;
        }

        foreach (var (id, session, request, batches) in plan)
        {
            try
            {
                if (batches is null)
                {
                    var outputs = session.Infer(request, progress);
                    results[id] = outputs;
                    Computed.AddRows(session.Name, request.Dataset, request.Inputs, Enumerable.Range(0, outputs.Rows), outputs);
                }
                else if (batches.Count > 0)
                {
                    Computed.AddRows(session.Name, request.Dataset, request.Inputs, batches.SelectMany(b => b), session.InferBatches(request, batches, progress));
                }
            }
            catch (InvalidInputException ex)
            {
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

    private bool Assemble(List<Diagnostic> diagnostics)
    {
        foreach (var (id, (session, request)) in requests)
        {
            if (Merged!.Assemble(session.Name, request.Dataset, request.Inputs, session.OutputKind, out var missing) is { } outputs)
            {
                results[id] = outputs;
                continue;
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PartialFingerprint, default,
                $"no partial holds the outputs of model '{session.Name}' for {missing} of the {request.Inputs.Rows} rows of '{request.Dataset}': the shards read other data, word lists or a vocabulary than this merge does. Run every shard again from the same files"));
            return false;
        }

        return true;
    }

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
