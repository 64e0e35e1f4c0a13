using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Progress;
using CatInherit.Settings;

namespace CatInherit.Model;

/// <summary>
/// The policy's model for one run. Each dataset's outputs are computed at most once, or read from the
/// disk cache; the ONNX Runtime session is only created (and checked against the policy) when some
/// dataset misses the cache, and always before any inference runs.
/// </summary>
internal sealed class ModelSession : IDisposable
{
    private readonly ModelSpec spec;
    private readonly ITokenEncoder? tokenizer;
    private readonly string? vocabSha256;
    private readonly string modelSha256;
    private readonly OutputCache? cache;
    private readonly ExecutionProvider provider;
    private OnnxModel? model;
    private (string Provider, string? Note)? cachedProvider;

    private ModelSession(ModelSpec spec, ITokenEncoder? tokenizer, string? vocabSha256, string modelSha256, OutputCache? cache, ExecutionProvider provider)
    {
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.vocabSha256 = vocabSha256;
        this.modelSha256 = modelSha256;
        this.cache = cache;
        this.provider = provider;
    }

    /// <summary>The model's name in the policy.</summary>
    public string Name => spec.Name;

    /// <summary>The kind of output the model writes.</summary>
    public OutputKind OutputKind => spec.OutputKind;

    /// <summary>Rows read from the output cache in this run.</summary>
    public int CachedRows { get; private set; }

    /// <summary>Rows run through the model in this run, and the time it took.</summary>
    public int InferredRows { get; private set; }

    public TimeSpan InferenceTime { get; private set; }

    /// <summary>One line for progress displays: rows, cache hits, time, provider.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"model {spec.Name}: {InferredRows + CachedRows} rows ({CachedRows} from the output cache, {InferredRows} inferred in {InferenceTime.TotalSeconds:0.0} s) on {Info.Provider}{(Info.ProviderNote is { } note ? $" ({note})" : string.Empty)}");

    /// <summary>True once any request was prepared: the model took part in the run.</summary>
    public bool HasWork { get; private set; }

    /// <summary>The model, and the provider that computed its outputs (this run's, or the cached run's).</summary>
    public ModelInfo Info => model is not null
        ? new(spec.DisplayPath, modelSha256, model.Provider, model.ProviderNote, spec.Name)
        : new(spec.DisplayPath, modelSha256, cachedProvider?.Provider ?? OnnxModel.CpuProvider, cachedProvider?.Note, spec.Name);

    public static ModelSession? Open(ModelSpec spec, RunOptions options, List<Diagnostic> diagnostics)
    {
        if (options.ModelFiles?.GetValueOrDefault(spec.Name) is { } overridden)
        {
            spec = spec.WithPath(overridden.Path, overridden.DisplayPath);
        }

        ITokenEncoder? tokenizer = null;
        string? vocabSha = null;
        if (spec.TokenizerFile is { } file)
        {
            try
            {
                vocabSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
                tokenizer = HuggingFaceTokenizer.Load(file, spec.MaxLengthWritten, fallbackMaxLength: spec.MaxLength);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException or System.Text.Json.JsonException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidVocabulary, spec.Inputs.Child("tokenizer").LocationOf("file"), $"the tokenizer.json '{spec.Inputs.Child("tokenizer").GetString("file")}' cannot be used: {ex.Message}"));
                return null;
            }
        }

        if (spec.VocabPath is { } vocab)
        {
            // Uncased BERT strips accents through Unicode decomposition; without it "café" would become [UNK].
            if (spec.Lowercase && "\u00e9".Normalize(System.Text.NormalizationForm.FormD).Length == 1)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidVocabulary, spec.Inputs.Child("tokenizer").LocationOf("vocab"), "this process cannot decompose Unicode text (InvariantGlobalization is on), so an uncased tokenizer cannot strip accents; turn InvariantGlobalization off in the application, or set 'lowercase: false' for a cased model"));
                return null;
            }

            try
            {
                vocabSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(vocab)));
                tokenizer = TextTokenizer.Load(vocab, spec.Lowercase, spec.MaxLength);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or FormatException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidVocabulary, spec.Inputs.Child("tokenizer").LocationOf("vocab"), $"the tokenizer vocabulary cannot be read: {ex.Message}"));
                return null;
            }
        }

        string modelSha;
        try
        {
            using var stream = File.OpenRead(spec.Path);
            modelSha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DataNotFound, spec.Values.LocationOf("path"), $"model file '{spec.DisplayPath}' cannot be read: {ex.Message}"));
            return null;
        }

        var outputCache = options.UseCache && spec.Cache ? new OutputCache(options.CacheDirectory ?? OutputCache.DefaultDirectory) : null;
        return new ModelSession(spec, tokenizer, vocabSha, modelSha, outputCache, options.Provider ?? spec.Provider);
    }

    /// <summary>The columns a dataset must have for the model to read it.</summary>
    public static IEnumerable<ColumnRequest> Columns(ModelSpec spec)
    {
        if (spec.TextColumn is { } text)
        {
            yield return new ColumnRequest(text, ColumnKind.Text, spec.Inputs.LocationOf("text"), "model input text");
        }

        for (var i = 0; i < spec.FeatureColumns.Count; i++)
        {
            yield return new ColumnRequest(spec.FeatureColumns[i], ColumnKind.Numeric, spec.Inputs.LocationOf("features", i), "model input feature");
        }
    }

    /// <summary>Tokenizes or collects a dataset's inputs and looks its outputs up in the cache.</summary>
    public InferenceRequest Prepare(string datasetName, DataTable table)
    {
        HasWork = true;
        string[]? texts = null;
        ModelInputs inputs;
        if (spec.TextColumn is { } textColumn)
        {
            texts = table.Column<TextColumn>(textColumn).Values;
            inputs = ModelInputs.FromTokens([.. texts.Select(tokenizer!.Encode)], tokenizer.Padding);
        }
        else
        {
            var columns = spec.FeatureColumns.Select(c => table.Column<NumericColumn>(c).Values).ToArray();
            var features = new float[table.RowCount * columns.Length];
            for (var row = 0; row < table.RowCount; row++)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    features[(row * columns.Length) + c] = (float)columns[c][row];
                }
            }

            inputs = ModelInputs.FromFeatures(features, table.RowCount, columns.Length);
        }

        var key = OutputCache.Key(modelSha256, spec, vocabSha256, inputs, texts);
        var cached = cache?.TryLoad(key, spec.OutputKind, table.RowCount);
        if (cached is { Provider: var origin })
        {
            // Stored as "provider\nnote": the report of a cached run says what the original run said.
            var parts = origin.Split('\n', 2);
            cachedProvider ??= (parts[0], parts.Length > 1 ? parts[1] : null);
        }

        return new InferenceRequest(datasetName, inputs, key, cached?.Outputs);
    }

    /// <summary>Creates the ONNX Runtime session and checks the model against the policy (once).</summary>
    public bool EnsureOpen(List<Diagnostic> diagnostics)
    {
        if (model is not null)
        {
            return true;
        }

        var opened = OnnxModel.Open(spec.Path, spec.DisplayPath, provider, spec.IntraOpThreads, spec.Values.LocationOf("path"), diagnostics);
        if (opened is null)
        {
            return false;
        }

        if (!ModelSignature.Validate(opened, spec, diagnostics))
        {
            opened.Dispose();
            return false;
        }

        model = opened;
        return true;
    }

    /// <summary>The request's outputs: cached, or computed now (call <see cref="EnsureOpen"/> first).</summary>
    public ModelOutputs Infer(InferenceRequest request, IProgress<RunProgress>? progress)
    {
        var rows = request.Inputs.Rows;
        if (request.Cached is { } cached)
        {
            CachedRows += rows;
            return cached;
        }

        var session = model ?? throw new InvalidOperationException("The model is not open.");
        var clock = Stopwatch.StartNew();
        var outputs = InferenceEngine.Run(session, spec, request.Inputs, rowsDone: done => progress?.Report(new RunProgress("infer", request.Dataset, done, rows)));
        InferredRows += rows;
        InferenceTime += clock.Elapsed;
        cache?.Save(request.CacheKey, outputs, session.ProviderNote is { } note ? $"{session.Provider}\n{note}" : session.Provider);

        return outputs;
    }

    /// <summary>
    /// The outputs of only some <paramref name="batches"/> of the request (a shard's share of <see cref="InferenceEngine.Batches"/>),
    /// one row per input row (rows of other batches are zero): the cached outputs when the whole request is cached, else
    /// computed now and not cached (a share is no whole request).
    /// </summary>
    public ModelOutputs InferBatches(InferenceRequest request, IReadOnlyList<int[]> batches, IProgress<RunProgress>? progress)
    {
        var rows = batches.Sum(b => b.Length);
        if (request.Cached is { } cached)
        {
            CachedRows += rows;
            return cached;
        }

        if (rows == 0)
        {
            return new ModelOutputs(new float[0], request.Inputs.Rows, 0, spec.OutputKind);
        }

        var session = model ?? throw new InvalidOperationException("The model is not open.");
        var clock = Stopwatch.StartNew();
        var outputs = InferenceEngine.Run(session, spec, request.Inputs, rowsDone: done => progress?.Report(new RunProgress("infer", request.Dataset, done, rows)), only: batches);
        InferredRows += rows;
        InferenceTime += clock.Elapsed;
        return outputs;
    }

    /// <summary>The batch size the model runs with.</summary>
    public int BatchSize => spec.BatchSize;

    public void Dispose() => model?.Dispose();
}
