using System.Runtime.CompilerServices;

namespace CatInherit.CodeFirst;

/// <summary>
/// An ONNX model declared in code (<see cref="Inheritance.Model"/>), with the keys of a policy's model section: what it
/// reads (<see cref="TextInput"/> or <see cref="FeatureInput(string, int)"/>) and which output to use (<see cref="LogitsOutput"/>,
/// <see cref="ProbabilitiesOutput"/>, <see cref="EmbeddingOutput"/>). Immutable: every method returns a new instance.
/// Give it to a check with <c>.On(model)</c>, or to data with <see cref="InheritanceData.FedTo"/>; checks that need no
/// dataset start from it (<see cref="EmbeddingAssociation(WeatTest, string, int)"/>, <see cref="Counterfactual(string, SwapList, string, int)"/>).
/// </summary>
public sealed partial class InheritanceModel
{
    internal InheritanceModel(ModelState state) => State = state;

    internal ModelState State { get; }

    /// <summary>The model's name in reports and messages (default: <c>model</c>).</summary>
    /// <param name="name">A name, unique among the models of one check.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public InheritanceModel Named(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(State with { Name = new Setting("name", name, SettingList.Caller(callerFile, callerLine)) });
    }

    /// <summary>The model reads a text column, tokenized with a BERT WordPiece vocabulary into <c>input_ids</c>, <c>attention_mask</c> (and <c>token_type_ids</c>).</summary>
    /// <param name="vocabulary">The <c>vocab.txt</c>; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="column">The text column (default <c>text</c>, the column of <see cref="Inheritance.Texts(IEnumerable{string}, string, int)"/>).</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("inputs.text")]
    [PolicyKey("inputs.tokenizer.vocab")]
    public InheritanceModel TextInput(string vocabulary, string column = "text", [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(column);
        return Set("inputs.text", column, callerFile, callerLine).Set("inputs.tokenizer.vocab", CodeFirstPaths.Resolve(vocabulary, callerFile), callerFile, callerLine);
    }

    /// <summary>
    /// The model reads a text column, tokenized by a Hugging Face <c>tokenizer.json</c> (WordPiece, BPE or Unigram; its
    /// normalizer, pre-tokenizer, special tokens, truncation and padding are read from the file).
    /// </summary>
    /// <param name="tokenizerJson">The <c>tokenizer.json</c>; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="column">The text column (default <c>text</c>).</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("inputs.text")]
    [PolicyKey("inputs.tokenizer.file")]
    public InheritanceModel TokenizerInput(string tokenizerJson, string column = "text", [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(tokenizerJson);
        ArgumentNullException.ThrowIfNull(column);
        return Set("inputs.text", column, callerFile, callerLine).Set("inputs.tokenizer.file", CodeFirstPaths.Resolve(tokenizerJson, callerFile), callerFile, callerLine);
    }

    /// <summary>Whether the tokenizer lower-cases and strips accents first, as uncased BERT models expect (default: true).</summary>
    /// <param name="lowercase">Whether to lower-case.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("inputs.tokenizer.lowercase")]
    public InheritanceModel Lowercase(bool lowercase = true, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("inputs.tokenizer.lowercase", lowercase, callerFile, callerLine);

    /// <summary>The longest token sequence fed to the model, [CLS] and [SEP] included (default 128); longer texts are truncated.</summary>
    /// <param name="tokens">The length.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("inputs.tokenizer.max_length")]
    public InheritanceModel MaxLength(int tokens, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("inputs.tokenizer.max_length", tokens, callerFile, callerLine);

    /// <summary>The model reads the numeric features given in code (<see cref="Inheritance.Features(IEnumerable{IReadOnlyList{double}}, string, int)"/>) as one float tensor.</summary>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("inputs.features")]
    public InheritanceModel FeatureInput([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(State with { Settings = State.Settings.RemoveAll(s => s.Key == "inputs.features"), FeaturesFromData = SettingList.Caller(callerFile, callerLine) });

    /// <summary>The model reads these numeric columns, in order, as one float tensor; <c>p0..p783</c> stands for p0, p1, …, p783.</summary>
    /// <param name="columns">The feature columns.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("inputs.features")]
    public InheritanceModel FeatureInput(IEnumerable<string> columns, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(Set("inputs.features", InheritanceData.Names(columns), callerFile, callerLine).State with { FeaturesFromData = null });

    /// <summary>The model input that receives the features, when the model has several.</summary>
    /// <param name="input">The input's name.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("inputs.name")]
    public InheritanceModel FeatureInputName(string input, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("inputs.name", input, callerFile, callerLine);

    /// <summary>Reads the output <paramref name="name"/>, which holds class logits (softmax gives the probabilities; sigmoid for one column).</summary>
    /// <param name="name">The output's name.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("output.name")]
    [PolicyKey("output.kind")]
    public InheritanceModel LogitsOutput(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Output(name, "logits", callerFile, callerLine);

    /// <summary>Reads the output <paramref name="name"/>, which holds class probabilities.</summary>
    /// <param name="name">The output's name.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("output.name")]
    [PolicyKey("output.kind")]
    public InheritanceModel ProbabilitiesOutput(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Output(name, "probabilities", callerFile, callerLine);

    /// <summary>Reads the output <paramref name="name"/>, which holds embeddings (token-level ones are mean-pooled over the attention mask).</summary>
    /// <param name="name">The output's name.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("output.name")]
    [PolicyKey("output.kind")]
    public InheritanceModel EmbeddingOutput(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Output(name, "embedding", callerFile, callerLine);

    /// <summary>Pools token-level embeddings by their first ([CLS]) token instead of the mean.</summary>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("output.pooling")]
    public InheritanceModel ClsPooling([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("output.pooling", "cls", callerFile, callerLine);

    /// <summary>Pools token-level embeddings by their mean over the attention mask (the default).</summary>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("output.pooling")]
    public InheritanceModel MeanPooling([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("output.pooling", "mean", callerFile, callerLine);

    /// <summary>L2-normalises the embeddings.</summary>
    /// <param name="normalize">Whether to normalise.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("output.normalize")]
    public InheritanceModel Normalized(bool normalize = true, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("output.normalize", normalize, callerFile, callerLine);

    /// <summary>Runs on the CPU (the default is CUDA when it loads, else CPU; the report says which).</summary>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("provider")]
    public InheritanceModel OnCpu([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("provider", "cpu", callerFile, callerLine);

    /// <summary>Runs on CUDA; an error when CUDA cannot load (the default falls back to the CPU).</summary>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("provider")]
    public InheritanceModel OnCuda([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("provider", "cuda", callerFile, callerLine);

    /// <summary>Rows per inference batch (default 32).</summary>
    /// <param name="rows">The batch size.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("batch_size")]
    public InheritanceModel BatchSize(int rows, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("batch_size", rows, callerFile, callerLine);

    /// <summary>Threads ONNX Runtime uses inside one operator (default 0: it decides).</summary>
    /// <param name="threads">The thread count.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("intra_op_threads")]
    public InheritanceModel IntraOpThreads(int threads, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("intra_op_threads", threads, callerFile, callerLine);

    /// <summary>Whether outputs are cached on disk by content hash of model, data and preprocessing (default: true).</summary>
    /// <param name="enabled">Whether to cache.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("cache")]
    public InheritanceModel Cache(bool enabled, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("cache", enabled, callerFile, callerLine);

    /// <inheritdoc />
    public override string ToString() => State.Settings.Find("path")?.Value as string ?? "model";

    private InheritanceModel Output(string name, string kind, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Set("output.name", name, callerFile, callerLine).Set("output.kind", kind, callerFile, callerLine);
    }

    private InheritanceModel Set(string key, object value, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(State with { Settings = State.Settings.With(key, value, callerFile, callerLine) });
    }
}
