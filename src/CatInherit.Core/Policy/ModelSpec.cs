namespace CatInherit.Policy;

/// <summary>The model section of a policy.</summary>
public sealed class ModelSpec
{
    internal ModelSpec(string name, string path, string displayPath, string? vocabPath, SpecValues values)
    {
        Name = name;
        Path = path;
        DisplayPath = displayPath;
        VocabPath = vocabPath;
        Values = values;
    }

    /// <summary>The model's name: <c>model</c> for the single <c>model:</c> section, else its key under <c>models:</c>.</summary>
    public string Name { get; }

    /// <summary>Absolute path of the .onnx file.</summary>
    public string Path { get; }

    /// <summary>The path as written in the policy.</summary>
    public string DisplayPath { get; }

    /// <summary>The execution provider the model asks for.</summary>
    public ExecutionProvider Provider => ExecutionProviders.Parse(Values.GetString("provider")) ?? ExecutionProvider.Auto;

    /// <summary>Rows per inference batch.</summary>
    public int BatchSize => Values.Int("batch_size");

    /// <summary>ONNX Runtime intra-op threads; 0 lets it decide.</summary>
    public int IntraOpThreads => Values.Int("intra_op_threads");

    /// <summary>Whether outputs are cached on disk.</summary>
    public bool Cache => Values.Bool("cache");

    /// <summary>The text column, for text models.</summary>
    public string? TextColumn => Inputs.GetString("text");

    /// <summary>The numeric feature columns, for tabular or tensor models; <c>p0..p783</c> stands for p0, p1, …, p783.</summary>
    public IReadOnlyList<string> FeatureColumns => [.. Inputs.GetStrings("features").SelectMany(FeatureRange.Expand)];

    /// <summary>The model input that receives the features, when named.</summary>
    public string? FeatureInputName => Inputs.GetString("name");

    /// <summary>Absolute path of the tokenizer vocabulary, for text models.</summary>
    public string? VocabPath { get; }

    /// <summary>Absolute path of the Hugging Face tokenizer.json, for text models that give <c>tokenizer: { file: ... }</c>.</summary>
    public string? TokenizerFile { get; internal init; }

    /// <summary>The <c>max_length</c> the policy wrote (null when it left the default), which replaces a tokenizer.json's truncation.</summary>
    public int? MaxLengthWritten => Inputs.Child("tokenizer").Has("max_length") ? MaxLength : null;

    /// <summary>Whether the tokenizer lower-cases.</summary>
    public bool Lowercase => Inputs.Child("tokenizer").Bool("lowercase");

    /// <summary>Longest token sequence, special tokens included.</summary>
    public int MaxLength => Inputs.Child("tokenizer").Int("max_length");

    /// <summary>The output to read.</summary>
    public string OutputName => Output.GetString("name") ?? string.Empty;

    /// <summary>What the output holds.</summary>
    public OutputKind OutputKind => Output.GetString("kind") switch
    {
        "probabilities" => OutputKind.Probabilities,
        "embedding" => OutputKind.Embedding,
        _ => OutputKind.Logits,
    };

    /// <summary>Pooling for token-level outputs.</summary>
    public Pooling Pooling => Output.GetString("pooling") == "cls" ? Pooling.Cls : Pooling.Mean;

    /// <summary>Whether embeddings are L2-normalised.</summary>
    public bool Normalize => Output.Bool("normalize");

    /// <summary>Where the section starts.</summary>
    public SourceLocation Location => Values.Owner;

    internal SpecValues Values { get; }

    internal SpecValues Inputs => Values.Child("inputs");

    internal SpecValues Output => Values.Child("output");
}
