using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace CatInherit.IntegrationTests;

/// <summary>What <c>dotnet pack CatInherit.sln -c Release</c> yields: exactly the intended packages, publishable as they are.</summary>
[Collection("consumers")]
public sealed class PackageMetadataTests(PackagedFeed feed, ITestOutputHelper output)
{
    /// <summary>
    /// nuget.org refuses larger packages: its gallery caps a push at 250 MiB (262,144,000 bytes, the request limit in its
    /// Web.config).
    /// </summary>
    private const long NuGetOrgLimitBytes = 250L * 1024 * 1024;

    private static readonly string[] WithSymbols = ["CatInherit", "CatInherit.Xunit", "CatInherit.Xunit.V3", "CatInherit.Cli.linux-x64", "CatInherit.Cli.win-x64"];

    private static readonly string[] WithoutSymbols = ["CatInherit.MSBuild", "CatInherit.Templates", "CatInherit.Cli"];

    private static XElement Nuspec(string package, out ZipArchive zip)
    {
        zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static XElement? Element(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    [Fact]
    public void The_solution_packs_into_exactly_the_intended_packages()
    {
        var files = Directory.GetFiles(feed.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        var expected = WithSymbols.Concat(WithoutSymbols).Select(id => $"{id}.{feed.Version}.nupkg")
            .Concat(WithSymbols.Select(id => $"{id}.{feed.Version}.snupkg"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);
        Assert.DoesNotContain(feed.PackOutput.Split('\n'), l => l.Contains(": warning ", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet pack CatInherit.sln: {feed.PackTime.TotalSeconds:F0} s"));
        foreach (var file in files)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(Path.Combine(feed.Folder, file!)).Length,12:N0}  {file}"));
        }
    }

    [Fact]
    public void Every_package_carries_its_metadata_and_fits_on_nuget_org()
    {
        foreach (var id in WithSymbols.Concat(WithoutSymbols))
        {
            var path = Path.Combine(feed.Folder, $"{id}.{feed.Version}.nupkg");
            Assert.True(new FileInfo(path).Length < NuGetOrgLimitBytes, $"{id} is {new FileInfo(path).Length:N0} bytes, over nuget.org's 250 MiB (262,144,000 bytes)");
            var metadata = Nuspec(path, out var zip);
            using (zip)
            {
                Assert.Equal(id, Value(metadata, "id"));
                Assert.Equal(feed.Version, Value(metadata, "version"));
                var license = Element(metadata, "license")!;
                Assert.Equal("expression", (string?)license.Attribute("type"));
                Assert.Equal("MIT", license.Value);
                Assert.Equal("README.md", Value(metadata, "readme"));
                Assert.Contains(zip.Entries, e => e.FullName == "README.md");
                Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")), id);
                var repository = Element(metadata, "repository")!;
                Assert.Equal("git", (string?)repository.Attribute("type"));
                Assert.Equal("https://github.com/catinherit/catinherit", (string?)repository.Attribute("url"));
                Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
            }
        }
    }

    [Fact]
    public void Each_package_has_the_shape_of_its_kind()
    {
        string PackageType(string id)
        {
            var metadata = Nuspec(Path.Combine(feed.Folder, $"{id}.{feed.Version}.nupkg"), out var zip);
            using (zip)
            {
                return (string?)Element(metadata, "packageTypes")?.Elements().Single().Attribute("name") ?? "Dependency";
            }
        }

        List<string> Entries(string id)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(feed.Folder, $"{id}.{feed.Version}.nupkg"));
            return [.. zip.Entries.Select(e => e.FullName)];
        }

        Assert.Equal("DotnetTool", PackageType("CatInherit.Cli"));
        Assert.Equal("DotnetToolRidPackage", PackageType("CatInherit.Cli.linux-x64"));
        Assert.Equal("DotnetToolRidPackage", PackageType("CatInherit.Cli.win-x64"));
        Assert.Equal("Template", PackageType("CatInherit.Templates"));

        // The pointer package holds no program, only the map to the platform packages.
        Assert.DoesNotContain(Entries("CatInherit.Cli"), e => e.EndsWith(".dll", StringComparison.Ordinal));
        // Each platform's package carries its own ONNX Runtime and no other platform's.
        var linux = Entries("CatInherit.Cli.linux-x64");
        Assert.Contains("tools/net10.0/linux-x64/libonnxruntime.so", linux);
        Assert.Contains("tools/net10.0/linux-x64/libonnxruntime_providers_cuda.so", linux);
        Assert.DoesNotContain(linux, e => e.EndsWith("onnxruntime.dll", StringComparison.Ordinal) || e.Contains("tensorrt", StringComparison.Ordinal));
        var windows = Entries("CatInherit.Cli.win-x64");
        Assert.Contains("tools/net10.0/win-x64/onnxruntime.dll", windows);
        Assert.Contains("tools/net10.0/win-x64/onnxruntime_providers_cuda.dll", windows);
        Assert.DoesNotContain(windows, e => e.EndsWith(".so", StringComparison.Ordinal) || e.EndsWith(".lib", StringComparison.Ordinal));

        // A development dependency: tasks and build files, no lib/ for the consumer to compile against.
        var msbuild = Entries("CatInherit.MSBuild");
        Assert.Contains("tasks/net10.0/CatInherit.MSBuild.dll", msbuild);
        Assert.Contains("build/CatInherit.MSBuild.targets", msbuild);
        Assert.DoesNotContain(msbuild, e => e.StartsWith("lib/", StringComparison.Ordinal));

        // The template's project references this very version of the packages.
        using var templates = ZipFile.OpenRead(Path.Combine(feed.Folder, $"CatInherit.Templates.{feed.Version}.nupkg"));
        using var reader = new StreamReader(templates.GetEntry("content/catinherit-tests/CatInherit.Tests1.csproj")!.Open());
        Assert.Contains($"<CatInheritVersion>{feed.Version}</CatInheritVersion>", reader.ReadToEnd());
        Assert.NotNull(templates.GetEntry("content/catinherit-tests/.template.config/template.json"));
    }
}
