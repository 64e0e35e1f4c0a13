using System.Diagnostics;
using System.Globalization;

namespace CatInherit.IntegrationTests;

/// <summary>
/// Packs the whole solution once per test run into a temp folder feed — with the README's own pack command —
/// under a version unique to the run, so NuGet's global cache can never serve an older build of the same version.
/// </summary>
public sealed class PackagedFeed : IDisposable
{
    public PackagedFeed()
    {
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-it{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}");
        Folder = Path.Combine(Path.GetTempPath(), "catinherit-feed", Version);
        Directory.CreateDirectory(Folder);
        // Built in a folder of its own (Directory.Build.props), so packing never rewrites the bin/ and obj/
        // of the projects whose tests run beside this one.
        BuildRoot = Path.Combine(Path.GetTempPath(), "catinherit-build", Version);
        var watch = Stopwatch.StartNew();
        var outcome = DotNet.Run(DotNet.RepoRoot, new Dictionary<string, string> { ["CatInheritBuildRoot"] = BuildRoot }, ReadmeGettingStarted.PackArguments(Folder, Version));
        PackTime = watch.Elapsed;
        PackOutput = outcome.Output;
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack CatInherit.sln failed:\n{outcome.Output}");
        }
    }

    public string Version { get; }

    public string Folder { get; }

    private string BuildRoot { get; }

    /// <summary>How long packing the solution took (reported by the package tests).</summary>
    public TimeSpan PackTime { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; }

    /// <summary>A nuget.config that adds the feed to the usual sources.</summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="catinherit-local" value="{Folder}" />
          </packageSources>
        </configuration>
        """;

    /// <summary>
    /// Writes a consumer project into <paramref name="directory"/>: a nuget.config with this feed, <c>App.csproj</c>
    /// referencing CatInherit.MSBuild (with the <paramref name="properties"/> and <paramref name="packages"/> lines
    /// added) and one source file. The test adds its policy and data; returns the folder.
    /// </summary>
    public string WriteMsBuildConsumer(string directory, string properties = "", string packages = "", string code = "class Placeholder { }")
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig);
        File.WriteAllText(Path.Combine(directory, "App.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
            {{properties}}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CatInherit.MSBuild" Version="{{Version}}" />
            {{packages}}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Code.cs"), code);
        return directory;
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Folder, BuildRoot })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
