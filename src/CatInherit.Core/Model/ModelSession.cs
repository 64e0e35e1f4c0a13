using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.Model;

/// <summary>
/// The policy's model for one run: opened once, checked against the policy, and asked for each
/// dataset's outputs at most once (from the disk cache when nothing changed).
/// </summary>
internal sealed class ModelSession : IDisposable
{
    private readonly OnnxModel model;
    private readonly ModelSpec spec;
    private readonly TextTokenizer? tokenizer;
    private readonly string? vocabSha256;
    private readonly OutputCache? cache;

    private ModelSession(OnnxModel model, ModelSpec spec, TextTokenizer? tokenizer, string? vocabSha256, OutputCache? cache)
    {
        this.model = model;
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.vocabSha256 = vocabSha256;
        this.cache = cache;
    }

    public ModelInfo Info => new(spec.DisplayPath, model.Sha256, model.Provider, model.ProviderNote);

    public static ModelSession? Open(ModelSpec spec, string? providerOverride, string? cacheDirectory, bool useCache, List<Diagnostic> diagnostics)
    {
        TextTokenizer? tokenizer = null;
        string? vocabSha = null;
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

        var model = OnnxModel.Open(spec.Path, spec.DisplayPath, providerOverride ?? spec.Provider, spec.IntraOpThreads, spec.Values.LocationOf("path"), diagnostics);
        if (model is null)
        {
            return null;
        }

        if (!ModelSignature.Validate(model, spec, diagnostics))
        {
            model.Dispose();
            return null;
        }

        var outputCache = useCache && spec.Cache ? new OutputCache(cacheDirectory ?? OutputCache.DefaultDirectory()) : null;
        return new ModelSession(model, spec, tokenizer, vocabSha, outputCache);
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

    /// <summary>Runs (or loads from cache) the model's outputs for every row of <paramref name="table"/>.</summary>
    public ModelOutputs Infer(string datasetName, DataTable table, IProgress<Running.RunProgress>? progress)
    {
        string[]? texts = null;
        ModelInputs inputs;
        if (spec.TextColumn is { } textColumn)
        {
            texts = table.Column<TextColumn>(textColumn).Values;
            inputs = ModelInputs.FromTokens([.. texts.Select(tokenizer!.Encode)]);
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

        var key = cache is null ? null : OutputCache.Key(model.Sha256, spec, vocabSha256, inputs, texts);
        if (key is not null && cache!.TryLoad(key, spec.OutputKind, table.RowCount) is { } cached)
        {
            progress?.Report(new Running.RunProgress("infer", datasetName, table.RowCount, table.RowCount, $"{datasetName}: {table.RowCount} rows from the output cache"));
            return cached;
        }

        var clock = Stopwatch.StartNew();
        var outputs = InferenceEngine.Run(model, spec, inputs, rowsDone: done => progress?.Report(new Running.RunProgress("infer", datasetName, done, table.RowCount)));
        progress?.Report(new Running.RunProgress("infer", datasetName, table.RowCount, table.RowCount, string.Create(CultureInfo.InvariantCulture, $"{datasetName}: {table.RowCount} rows in {clock.Elapsed.TotalSeconds:0.0} s on {model.Provider}")));
        if (key is not null)
        {
            cache!.Save(key, outputs);
        }

        return outputs;
    }

    public void Dispose() => model.Dispose();
}
