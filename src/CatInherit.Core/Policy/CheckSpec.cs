namespace CatInherit.Policy;

/// <summary>One check of a policy, validated.</summary>
public sealed class CheckSpec
{
    internal CheckSpec(string id, string kind, GateSpec? gate, DecideMode decide, double confidence, int resamples, SpecValues values, string baseDirectory)
    {
        BaseDirectory = baseDirectory;
        Id = id;
        Kind = kind;
        Gate = gate;
        Decide = decide;
        Confidence = confidence;
        Resamples = resamples;
        Values = values;
    }

    /// <summary>Unique id; the test name.</summary>
    public string Id { get; }

    /// <summary>The check kind, e.g. <c>group-fairness</c>.</summary>
    public string Kind { get; }

    /// <summary>The gate, or null for a check that only reports.</summary>
    public GateSpec? Gate { get; }

    /// <summary>Whether the point value or the interval decides.</summary>
    public DecideMode Decide { get; }

    /// <summary>Bootstrap confidence level.</summary>
    public double Confidence { get; }

    /// <summary>Bootstrap resamples (0: no intervals).</summary>
    public int Resamples { get; }

    /// <summary>Where the check starts in the policy (its <c>- id:</c> line).</summary>
    public SourceLocation Location => Values.Owner;

    /// <summary>The display name used by test adapters: <c>"{kind}: {id}"</c>.</summary>
    public string DisplayName => $"{Kind}: {Id}";

    /// <summary>The dataset the check reads, when it has one.</summary>
    public string? Dataset => Values.GetString("dataset");

    /// <summary>The model that serves the check (its <c>model:</c>, else its dataset's), resolved once at load; see <see cref="PolicyReferences"/>.</summary>
    public ModelSpec? Model { get; internal set; }

    /// <summary>Every dataset the check names, by key (<c>dataset</c>, <c>members</c>, <c>ood</c>...).</summary>
    public IReadOnlyDictionary<string, string> DatasetRefs { get; internal init; } = new Dictionary<string, string>();

    /// <summary>
    /// Every dataset the check names, by key, as the check reads it: <see cref="DatasetSpec.FeedingModel"/> is the model
    /// that computes its outputs for this check (<see cref="PolicyReferences.Bind"/>).
    /// </summary>
    internal IReadOnlyDictionary<string, DatasetSpec> Datasets { get; init; } = new Dictionary<string, DatasetSpec>();

    internal SpecValues Values { get; }

    /// <summary>For one run of a check written with <c>compare:</c>, which run it is; null for a check that runs once.</summary>
    public CheckComparison? Comparison { get; internal init; }

    /// <summary>
    /// The id the check's seeds derive from: the id as written, so every run of a compared check resamples the same rows
    /// and generates the same test data (paired values), and a check that runs once keeps its seeds.
    /// </summary>
    internal string SeedId => Comparison?.Id ?? Id;

    /// <summary>The policy's folder: word-list files resolve against it.</summary>
    internal string BaseDirectory { get; }
}
