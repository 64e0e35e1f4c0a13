using System.Globalization;
using CatInherit.Policy;

namespace CatInherit.Settings;

/// <summary>
/// The one place run settings are resolved and environment variables are read: an explicit value wins, then
/// the environment (<c>CATINHERIT_SEED</c>, <c>CATINHERIT_PROVIDER</c>, <c>CATINHERIT_CACHE_DIR</c>,
/// <c>CATINHERIT_ACCEPT</c>, <c>CATINHERIT_SHARD</c>, <c>CATINHERIT_PARTIAL_DIR</c>, <c>CI</c>), then the default. A value that does not parse is a CAT0500 error,
/// never a silent default.
/// </summary>
public static class RunSettings
{
    /// <summary>The environment variables the resolver reads.</summary>
    public static IReadOnlyList<string> EnvironmentVariables { get; } = ["CATINHERIT_SEED", "CATINHERIT_PROVIDER", "CATINHERIT_CACHE_DIR", "CATINHERIT_ACCEPT", "CI", "XDG_CACHE_HOME", "CATINHERIT_SHARD", "CATINHERIT_PARTIAL_DIR"];

    /// <summary>Resolves <paramref name="request"/> against the process environment.</summary>
    public static RunOptions? Resolve(RunSettingsRequest request, List<Diagnostic> diagnostics) =>
        Resolve(request, name => Environment.GetEnvironmentVariable(name), diagnostics);

    /// <summary>Resolves <paramref name="request"/> against <paramref name="environment"/>; null (with diagnostics) when a value is invalid.</summary>
    public static RunOptions? Resolve(RunSettingsRequest request, Func<string, string?> environment, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var before = diagnostics.Count(d => d.IsError);

        var seed = 0;
        var (seedText, seedSource) = Pick(request.Seed, request.SeedSource, "CATINHERIT_SEED", environment);
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            Error($"{seedSource}: the seed must be a whole number from {int.MinValue} to {int.MaxValue}; found '{seedText}'");
        }

        ExecutionProvider? provider = null;
        var (providerText, providerSource) = Pick(request.Provider, request.ProviderSource, "CATINHERIT_PROVIDER", environment);
        if (providerText is not null)
        {
            provider = ExecutionProviders.Parse(providerText.Trim().ToLowerInvariant());
            if (provider is null)
            {
                // "gpu" is one letter from "cpu", but whoever writes it means CUDA.
                var hint = providerText.Trim().Equals("gpu", StringComparison.OrdinalIgnoreCase) ? " For a GPU, use 'cuda'." : Suggestions.DidYouMean(providerText, ExecutionProviders.Names);
                Error($"{providerSource}: unknown provider '{providerText}'.{hint} Available: {string.Join(", ", ExecutionProviders.Names)}");
            }
        }

        ShardSpec? shard = null;
        var (shardText, shardSource) = Pick(request.Shard, request.ShardSource, "CATINHERIT_SHARD", environment);
        var partialDirectory = Given(request.PartialDirectory) ?? Given(environment("CATINHERIT_PARTIAL_DIR"));
        if (shardText is not null)
        {
            shard = ShardSpec.TryParse(shardText, out var problem);
            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidShard, default, $"{shardSource}: {problem}"));
            }
            else if (partialDirectory is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidShard, default, $"{shardSource}: a shard writes a partial file; name its folder with --partial-dir (CatInheritPartialDir, CATINHERIT_PARTIAL_DIR)"));
            }
        }

        var cacheDirectory = Given(request.CacheDirectory) ?? Given(environment("CATINHERIT_CACHE_DIR")) ?? DefaultCacheDirectory(environment);
        var baselines = environment("CATINHERIT_ACCEPT") == "1" ? BaselineMode.Accept
            : string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase) ? BaselineMode.RequireVerified
            : BaselineMode.Review;

        return diagnostics.Count(d => d.IsError) > before
            ? null
            : new RunOptions { Seed = seed, Provider = provider, UseCache = request.UseCache ?? true, CacheDirectory = cacheDirectory, Baselines = baselines, Shard = shard, PartialDirectory = shard is null ? null : partialDirectory };

        void Error(string message) => diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidOption, default, message));
    }

    /// <summary>Resolves, or throws <see cref="InvalidInputException"/> with the diagnostics (for code-first callers).</summary>
    public static RunOptions ResolveOrThrow(RunSettingsRequest request)
    {
        var diagnostics = new List<Diagnostic>();
        return Resolve(request, diagnostics) ?? throw new InvalidInputException(diagnostics);
    }

    private static (string? Value, string Source) Pick(string? given, string givenSource, string variable, Func<string, string?> environment) =>
        Given(given) is { } value ? (value, givenSource)
        : Given(environment(variable)) is { } fromEnvironment ? (fromEnvironment, $"environment variable {variable}")
        : (null, givenSource);

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary><c>$XDG_CACHE_HOME/catinherit</c>, else <c>~/.cache/catinherit</c>.</summary>
    private static string DefaultCacheDirectory(Func<string, string?> environment)
    {
        var xdg = environment("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
        return Path.Combine(root, "catinherit");
    }
}
