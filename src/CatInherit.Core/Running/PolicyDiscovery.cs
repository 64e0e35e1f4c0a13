using CatInherit.Policy;
using CatInherit.Probes;

namespace CatInherit.Running;

/// <summary>
/// What a test adapter shows for a policy attribute: the checks to turn into test cases and their display
/// names, or one error message (a policy that is missing or does not load, an unknown check id). Shared by
/// the xUnit v2 and v3 adapters.
/// </summary>
/// <param name="PolicyPath">The resolved policy file.</param>
/// <param name="Checks">The checks, in policy order; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why there are no test cases, or null.</param>
public sealed record PolicyDiscovery(string PolicyPath, IReadOnlyList<CheckSpec> Checks, string? Error)
{
    /// <summary>The test's display name for each of <see cref="Checks"/>: <c>"{kind}: {id}"</c>, plus the policy when a class holds several.</summary>
    public IReadOnlyList<string> DisplayNames { get; init; } = [.. Checks.Select(c => c.DisplayName)];

    /// <summary>Resolves <paramref name="path"/> (see <see cref="PolicyLocator"/>), loads it and picks the checks.</summary>
    /// <param name="path">The path as written in the attribute.</param>
    /// <param name="assemblyDirectory">The test assembly's folder.</param>
    /// <param name="sourceFile">The source file that holds the attribute.</param>
    /// <param name="checkId">One check's id, or null for every check.</param>
    public static PolicyDiscovery Discover(string path, string? assemblyDirectory, string? sourceFile, string? checkId = null)
    {
        var candidates = PolicyLocator.Candidates(path, assemblyDirectory, sourceFile);
        var resolved = PolicyLocator.Resolve(path, assemblyDirectory, sourceFile);
        if (!File.Exists(resolved) && candidates.Count > 1)
        {
            // Name every folder searched, so the user sees where to put the file (or which one is wrong).
            var looked = string.Join(Environment.NewLine, candidates.Select(c => $"  {c.Path} ({c.Origin})"));
            return new(resolved, [], $"CatInherit policy {path} not found. Looked for:{Environment.NewLine}{looked}{Environment.NewLine}Put it beside the test class, or copy it to the output: <None Include=\"{path}\" CopyToOutputDirectory=\"PreserveNewest\" />");
        }

        var loaded = CheckKinds.Load(resolved);
        if (loaded.Policy is not { } policy)
        {
            return new(resolved, [], $"CatInherit policy {path} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}");
        }

        // A compared check is named by its id as written (every run) or by one run's id ('id@model').
        var checks = policy.Checks.Where(c => checkId is null || c.Id == checkId || c.Comparison?.Id == checkId).ToList();
        return checks.Count == 0
            ? new(resolved, [], $"CatInherit policy {path} has no check '{checkId}'. Its checks: {string.Join(", ", policy.Checks.Select(c => c.Id))}")
            : new(resolved, checks, null);
    }

    /// <summary>
    /// The test cases of one attribute, given every CatInherit attribute of its test class. A check that
    /// another method names with <c>[InheritanceCheck]</c> is that method's test only, so no check is listed
    /// twice; when the class uses several policies, each display name ends with its policy's path.
    /// </summary>
    /// <param name="use">The attribute being discovered.</param>
    /// <param name="inClass">Every CatInherit attribute on the methods of the same class (may include <paramref name="use"/>).</param>
    /// <param name="assemblyDirectory">The test assembly's folder.</param>
    public static PolicyDiscovery Discover(PolicyAttributeUse use, IReadOnlyList<PolicyAttributeUse> inClass, string? assemblyDirectory)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(inClass);
        var found = Discover(use.Path, assemblyDirectory, use.SourceFile, use.CheckId);
        if (found.Error is not null)
        {
            return found;
        }

        var others = inClass.Select(o => (Use: o, Policy: PolicyLocator.Resolve(o.Path, assemblyDirectory, o.SourceFile))).ToList();
        var claimed = use.CheckId is not null
            ? []
            : others.Where(o => o.Use.CheckId is not null && o.Use.Method != use.Method && PathsEqual(o.Policy, found.PolicyPath)).Select(o => o.Use.CheckId!).ToHashSet(StringComparer.Ordinal);
        var several = others.Select(o => o.Policy).Append(found.PolicyPath).Distinct(PathComparer).Count() > 1;
        var checks = found.Checks.Where(c => !claimed.Contains(c.Id) && !(c.Comparison is { } compared && claimed.Contains(compared.Id))).ToList();
        return found with
        {
            Checks = checks,
            DisplayNames = [.. checks.Select(c => several ? $"{c.DisplayName} ({use.Path})" : c.DisplayName)],
        };
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static bool PathsEqual(string a, string b) => PathComparer.Equals(Path.GetFullPath(a), Path.GetFullPath(b));
}
