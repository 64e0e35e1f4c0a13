using System.Globalization;

namespace CatInherit.IntegrationTests;

/// <summary>
/// Packs every package once per test run into a temp folder feed, with a version unique to the run so
/// NuGet's global cache can never serve an older build of the same version.
/// </summary>
public sealed class PackagedFeed : IDisposable
{
    public PackagedFeed()
    {
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-it{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}");
        Folder = Path.Combine(Path.GetTempPath(), "catinherit-feed", Version);
        Directory.CreateDirectory(Folder);
        foreach (var project in new[] { "CatInherit.Core", "CatInherit.Xunit", "CatInherit.Xunit.V3", "CatInherit.MSBuild", "CatInherit.Cli" })
        {
            var outcome = DotNet.Run(DotNet.RepoRoot, "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", Folder, "-p:Version=" + Version, "-p:IncludeSymbols=false");
            if (outcome.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{outcome.Output}");
            }
        }
    }

    public string Version { get; }

    public string Folder { get; }

    /// <summary>A nuget.config that adds the feed to the usual sources.</summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="catinherit-local" value="{Folder}" />
          </packageSources>
        </configuration>
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
