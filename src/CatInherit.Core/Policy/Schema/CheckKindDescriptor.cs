namespace CatInherit.Policy.Schema;

/// <summary>Everything the policy loader needs to know about one check kind.</summary>
/// <param name="Name">The kind as written in YAML.</param>
/// <param name="Description">One sentence for editors and docs.</param>
/// <param name="Keys">The keys this kind accepts besides the common ones.</param>
/// <param name="Metrics">The metrics it reports, in report order.</param>
public sealed record CheckKindDescriptor(string Name, string Description, IReadOnlyList<KeySpec> Keys, IReadOnlyList<MetricSpec> Metrics)
{
    /// <summary>Whether the kind compares predictions with labels (so an embedding model cannot feed it).</summary>
    public bool NeedsPredictions { get; init; } = true;

    /// <summary>Groups of keys of which a check must have exactly one (e.g. dataset or template).</summary>
    public IReadOnlyList<IReadOnlyList<string>> OneOf { get; init; } = [];

    /// <summary>Keys that need another key beside them.</summary>
    public IReadOnlyList<(string Key, string Requires)> Requires { get; init; } = [];

    /// <summary>Finds a metric by name.</summary>
    public MetricSpec? FindMetric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}
