namespace CatInherit.Settings;

/// <summary>
/// What a door was told explicitly (a CLI option, an MSBuild property, a code-first call), as text where the
/// door received text. Null or empty means "not given": the environment, then the default decides.
/// </summary>
public sealed record RunSettingsRequest
{
    /// <summary>The seed as given (<c>--seed</c>, <c>CatInheritSeed</c>).</summary>
    public string? Seed { get; init; }

    /// <summary>The provider as given (<c>--provider</c>, <c>CatInheritProvider</c>): auto, cpu or cuda.</summary>
    public string? Provider { get; init; }

    /// <summary>False to bypass the output cache (<c>--no-cache</c>).</summary>
    public bool? UseCache { get; init; }

    /// <summary>The output cache folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The shard as given (<c>--shard</c>, <c>CatInheritShard</c>): <c>I/N</c>.</summary>
    public string? Shard { get; init; }

    /// <summary>Where the shard's partial file goes (<c>--partial-dir</c>, <c>CatInheritPartialDir</c>).</summary>
    public string? PartialDirectory { get; init; }

    /// <summary>Where the shard comes from, for messages.</summary>
    public string ShardSource { get; init; } = "shard";

    /// <summary>Where the request comes from, for messages (e.g. <c>--seed</c> or <c>CatInheritSeed</c>).</summary>
    public string SeedSource { get; init; } = "seed";

    /// <summary>Where the provider comes from, for messages.</summary>
    public string ProviderSource { get; init; } = "provider";
}
