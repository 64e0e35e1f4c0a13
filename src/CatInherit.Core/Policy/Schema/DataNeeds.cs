namespace CatInherit.Policy.Schema;

/// <summary>What a check kind reads besides its keys, for planning and docs.</summary>
public sealed record DataNeeds
{
    /// <summary>True labels of its dataset(s).</summary>
    public bool Labels { get; init; }

    /// <summary>Hard predictions (a prediction column, scores, or a classifier model).</summary>
    public bool Predictions { get; init; }

    /// <summary>Class probabilities (scores, or a model with a logits or probabilities output).</summary>
    public bool Probabilities { get; init; }

    /// <summary>Raw logits, for scores such as energy (depends on the check's keys).</summary>
    public bool Logits { get; init; }

    /// <summary>Raw model outputs used as features: embeddings or logits per row.</summary>
    public bool Outputs { get; init; }

    /// <summary>What texts or rows the kind generates and runs through its model, or null when it generates none.</summary>
    public string? Generates { get; init; }

    /// <summary>
    /// What the kind asks its model while it runs, or null when it asks nothing: an iterative probe (an attack) whose
    /// next inputs depend on the model's last answers. Its rounds go through the engine's batching and cache.
    /// </summary>
    public string? Queries { get; init; }

    /// <summary>
    /// Which of its examples the kind explains with token attributions (each word left out in turn, asked of its model while
    /// it runs), or null when it explains none. Like <see cref="Queries"/>, the rounds go through the engine's batching and cache.
    /// </summary>
    public string? Attributions { get; init; }
}
