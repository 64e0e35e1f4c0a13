using CatInherit.Policy;
using CatInherit.Probes;

namespace CatInherit.Running;

/// <summary>
/// What a test adapter shows for a policy attribute: the checks to turn into test cases, or one error
/// message (a policy that does not load, an unknown check id). Shared by the xUnit v2 and v3 adapters.
/// </summary>
/// <param name="PolicyPath">The resolved policy file.</param>
/// <param name="Checks">The checks, in policy order; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why there are no test cases, or null.</param>
public sealed record PolicyDiscovery(string PolicyPath, IReadOnlyList<CheckSpec> Checks, string? Error)
{
    /// <summary>Resolves <paramref name="path"/> (see <see cref="PolicyLocator"/>), loads it and picks the checks.</summary>
    /// <param name="path">The path as written in the attribute.</param>
    /// <param name="assemblyDirectory">The test assembly's folder.</param>
    /// <param name="sourceFile">The source file that holds the attribute.</param>
    /// <param name="checkId">One check's id, or null for every check.</param>
    public static PolicyDiscovery Discover(string path, string? assemblyDirectory, string? sourceFile, string? checkId = null)
    {
        var resolved = PolicyLocator.Resolve(path, assemblyDirectory, sourceFile);
        var loaded = CheckKinds.Load(resolved);
        if (loaded.Policy is not { } policy)
        {
            return new(resolved, [], $"CatInherit policy {path} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}");
        }

        var checks = policy.Checks.Where(c => checkId is null || c.Id == checkId).ToList();
        return checks.Count == 0
            ? new(resolved, [], $"CatInherit policy {path} has no check '{checkId}'. Its checks: {string.Join(", ", policy.Checks.Select(c => c.Id))}")
            : new(resolved, checks, null);
    }
}
