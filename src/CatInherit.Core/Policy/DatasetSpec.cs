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

    /// <summary>Absolute path of the data file (the folder, for images in an imagefolder).</summary>
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

    /// <summary>True when the dataset holds the model's outputs itself (a <c>prediction</c> or <c>scores</c> column): no model runs on it.</summary>
    public bool HasOwnOutputs => Prediction is not null || Scores.Count > 0;

    /// <summary>
    /// The model the dataset is declared for: its <c>model:</c>, else the policy's only model; for a check that names its
    /// own <c>model:</c>, that model (the dataset as the check reads it, see <see cref="PolicyReferences"/>).
    /// </summary>
    public ModelSpec? DeclaredModel { get; internal set; }

    /// <summary>The model that computes the dataset's outputs (<see cref="DeclaredModel"/>), or null when it has its own (or no model is declared).</summary>
    public ModelSpec? FeedingModel { get; internal set; }

    /// <summary>Whether the run will have class probabilities for it: scores, or a classifier model without a prediction column.</summary>
    public bool HasProbabilities => Scores.Count > 0 || (Prediction is null && FeedingModel is { OutputKind: not OutputKind.Embedding });

    /// <summary>Whether the run will have raw logits for it: logit scores, or a model whose output is logits.</summary>
    public bool HasLogits => (ScoreKind == Policy.ScoreKind.Logits && Scores.Count > 0) || FeedingModel is { OutputKind: OutputKind.Logits };

    /// <summary>Whether the run will have the model's raw outputs for it (the dataset is fed to a model).</summary>
    public bool HasOutputs => FeedingModel is not null;

    /// <summary>How its images are decoded, for a dataset of images (<c>images:</c>); null for a table of values.</summary>
    public ImageSpec? Images { get; internal init; }

    /// <summary>Where the dataset is declared.</summary>
    public SourceLocation Location => Values.Owner;

    internal SpecValues Values { get; }

    /// <summary>The same dataset declared for another model; only <see cref="PolicyReferences.Bind"/> decides which.</summary>
    internal DatasetSpec BoundTo(ModelSpec? declared, ModelSpec? feeding) => new(Name, Path, DisplayPath, Values) { DeclaredModel = declared, FeedingModel = feeding, Images = Images };
}
