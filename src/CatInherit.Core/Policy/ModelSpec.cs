namespace CatInherit.Policy;

/// <summary>The model section of a policy.</summary>
public sealed class ModelSpec
{
    internal ModelSpec(string path, string displayPath, string provider, int batchSize, SpecValues values)
    {
        Path = path;
        DisplayPath = displayPath;
        Provider = provider;
        BatchSize = batchSize;
        Values = values;
    }

    /// <summary>Absolute path of the .onnx file.</summary>
    public string Path { get; }

    /// <summary>The path as written in the policy.</summary>
    public string DisplayPath { get; }

    /// <summary><c>auto</c>, <c>cpu</c> or <c>cuda</c>.</summary>
    public string Provider { get; }

    /// <summary>Rows per inference batch.</summary>
    public int BatchSize { get; }

    /// <summary>Where the section starts.</summary>
    public SourceLocation Location => Values.Owner;

    internal SpecValues Values { get; }
}
