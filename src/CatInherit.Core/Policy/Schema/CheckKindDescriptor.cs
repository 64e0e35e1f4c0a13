namespace CatInherit.Policy.Schema;

/// <summary>
/// Everything known about one check kind before it runs: its keys (types, defaults, allowed values, bounds), its
/// metrics and which way each gets worse, its load-time rules, the data it needs and the plots of its result.
/// The loader, the JSON Schema, <c>catinherit validate</c>, MSBuild's validation, the gate and every report
/// writer read it; each kind declares it once, in its folder under <c>Probes/</c>.
/// </summary>
/// <param name="Name">The kind as written in YAML.</param>
/// <param name="Description">One sentence for editors and docs.</param>
/// <param name="Keys">The keys this kind accepts besides the common ones.</param>
/// <param name="Metrics">The metrics it reports: the summary metrics in report order, then per-group or per-class ones.</param>
public sealed record CheckKindDescriptor(string Name, string Description, IReadOnlyList<KeySpec> Keys, IReadOnlyList<MetricSpec> Metrics)
{
    /// <summary>Whether the kind compares predictions with labels (so an embedding model cannot feed it).</summary>
    public bool NeedsPredictions { get; init; } = true;

    /// <summary>Groups of keys of which a check must have exactly one (e.g. dataset or template).</summary>
    public IReadOnlyList<IReadOnlyList<string>> OneOf { get; init; } = [];

    /// <summary>Keys that need another key beside them.</summary>
    public IReadOnlyList<(string Key, string Requires)> Requires { get; init; } = [];

    /// <summary>Rules the loader runs once the check's references are resolved (after the generic ones passed).</summary>
    public IReadOnlyList<Action<CheckRuleContext>> Rules { get; init; } = [];

    /// <summary>What the kind reads from its datasets and model, and what it generates.</summary>
    public DataNeeds Needs { get; init; } = new();

    /// <summary>The catastrophe the kind looks for and its pillar (the seed's taxonomy); every kind declares it, and reports open with it.</summary>
    public KindTaxonomy? Taxonomy { get; init; }

    /// <summary>The figures reports draw from its results.</summary>
    public IReadOnlyList<PlotSpec> Plots { get; init; } = [];

    /// <summary>The keys naming datasets (<c>dataset</c>, <c>ood</c>, <c>members</c>...): the roles its data plays.</summary>
    public IReadOnlyList<string> DatasetRoles => [.. Keys.Where(k => k.Kind == ValueKind.DatasetRef).Select(k => k.Name)];

    /// <summary>The summary metrics, in the order the kind reports them: the names its probe computes.</summary>
    public string[] ReportedMetrics => [.. Metrics.Where(m => m.Gateable).Select(m => m.Name)];

    /// <summary>Finds a metric by name.</summary>
    public MetricSpec? FindMetric(string name) => Metrics.FirstOrDefault(m => m.Name == name);

    /// <summary>Finds one of the kind's own keys.</summary>
    public KeySpec? FindKey(string name) => Keys.FirstOrDefault(k => k.Name == name);
}
