using System.Reflection;

namespace CatInherit.Reports;

/// <summary>The version of the CatInherit engine that wrote a report: one version for every package, from git tags.</summary>
public static class EngineVersion
{
    /// <summary>
    /// The package version, with the commit as build metadata when the build knew it
    /// (<c>0.2.0+3f1c…</c>, <c>0.2.1-alpha.0.4+9a0e…</c>); fixed for a build, so reports stay byte-identical.
    /// </summary>
    public static string Current { get; } =
        typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
