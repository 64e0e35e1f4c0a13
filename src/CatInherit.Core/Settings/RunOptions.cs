using CatInherit.Policy;

namespace CatInherit.Settings;

/// <summary>
/// The settings of one run, resolved once (see <see cref="RunSettings"/>) and frozen: every door
/// (CLI, MSBuild, xUnit, code-first) gets them from the same resolver, so the same inputs give the same run.
/// </summary>
public sealed record RunOptions
{
    /// <summary>The bootstrap seed; the same inputs and seed give a byte-identical report.</summary>
    public int Seed { get; init; }

    /// <summary>Overrides every model's <c>provider</c>; null keeps each model's own.</summary>
    public ExecutionProvider? Provider { get; init; }

    /// <summary>False to ignore the output cache (neither read nor written).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Where cached outputs live; null for the resolver's default.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>How approved metric baselines are treated.</summary>
    public BaselineMode Baselines { get; init; } = BaselineMode.Review;

    /// <summary>
    /// Run only the checks with these ids (and read only the datasets they use); null runs every check. The
    /// MSBuild gate uses it to gate the checks a filtered <c>dotnet test</c> ran.
    /// </summary>
    public IReadOnlySet<string>? Checks { get; init; }

    /// <summary>
    /// Models read from another file than the policy's (by model name): <c>catinherit mitigate</c> re-runs the
    /// policy's checks on the mitigated copies this way. Null reads every model from its policy path.
    /// </summary>
    public IReadOnlyDictionary<string, ModelFile>? ModelFiles { get; init; }

    /// <summary>
    /// Run one shard: infer only this shard's rows and write them, with the checks that cannot be split (on shard 1),
    /// to a partial file in <see cref="PartialDirectory"/> for <c>catinherit merge</c>. Null runs everything at once.
    /// </summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Where a shard writes its partial file (required with <see cref="Shard"/>).</summary>
    public string? PartialDirectory { get; init; }
}
