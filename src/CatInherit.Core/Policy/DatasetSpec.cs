namespace CatInherit.Policy;

/// <summary>One named dataset of a policy.</summary>
public sealed class DatasetSpec
{
    internal DatasetSpec(string name, string path, string displayPath, SpecValues values)
    {
        Name = name;
        Path = path;
        DisplayPath = displayPath;
        Values = values;
    }

    /// <summary>The name checks refer to.</summary>
    public string Name { get; }

    /// <summary>Absolute path of the data file.</summary>
    public string Path { get; }

    /// <summary>The path as written in the policy (used in messages).</summary>
    public string DisplayPath { get; }

    /// <summary>The true-label column.</summary>
    public string? Label => Values.GetString("label");

    /// <summary>The precomputed hard-prediction column.</summary>
    public string? Prediction => Values.GetString("prediction");

    /// <summary>The precomputed score columns, in class order.</summary>
    public IReadOnlyList<string> Scores => Values.GetStrings("scores");

    /// <summary>What the score columns hold, when there are any.</summary>
    public ScoreKind? ScoreKind => Values.GetString("score_kind") switch
    {
        "logits" => Policy.ScoreKind.Logits,
        "probabilities" => Policy.ScoreKind.Probabilities,
        _ => null,
    };

    /// <summary>The model named by the dataset's <c>model:</c> key, or null for the policy's only model.</summary>
    public string? ModelName => Values.GetString("model");

    /// <summary>Declared class labels, in score order; empty when not declared.</summary>
    public IReadOnlyList<string> Classes => Values.GetStrings("classes");

    /// <summary>Where the dataset is declared.</summary>
    public SourceLocation Location => Values.Owner;

    internal SpecValues Values { get; }
}
