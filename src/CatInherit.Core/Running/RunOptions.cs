namespace CatInherit.Running;

/// <summary>Options of one run.</summary>
public sealed record RunOptions
{
    /// <summary>The bootstrap seed; the same inputs and seed give a byte-identical report.</summary>
    public int Seed { get; init; }

    /// <summary>Overrides the policy's <c>model.provider</c> (<c>auto</c>, <c>cpu</c>, <c>cuda</c>).</summary>
    public string? Provider { get; init; }

    /// <summary>False to ignore the output cache (neither read nor written).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Where cached outputs live; null for the default (<c>CATINHERIT_CACHE_DIR</c> or <c>~/.cache/catinherit</c>).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Run only the checks with these ids (and read only the datasets they use); null runs every check. The
    /// MSBuild gate uses it to gate the checks a filtered <c>dotnet test</c> ran.
    /// </summary>
    public IReadOnlySet<string>? Checks { get; init; }
}
