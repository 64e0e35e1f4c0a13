using CatInherit.Tests.Support;

namespace CatInherit.IntegrationTests;

/// <summary>
/// A sharded gate from MSBuild in a fresh project that takes CatInherit.MSBuild from the packed feed: each shard's
/// <c>-t:CatInheritGate -p:CatInheritShard=I/N</c> writes its partial and gates nothing; <c>-t:CatInheritMerge</c>
/// merges them and gates exactly as the whole run does.
/// </summary>
[Collection("consumers")]
public sealed class ShardTargetTests(PackagedFeed feed) : IDisposable
{
    // Women are selected at 3/4, men at 1/4: a demographic parity difference of 0.5, over the gate's 0.2.
    private const string Data = "prediction,label,sex\n1,1,f\n1,0,f\n1,1,f\n0,0,f\n1,1,m\n0,1,m\n0,0,m\n0,0,m\n";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Project()
    {
        feed.WriteMsBuildConsumer(folder.File("App"));
        folder.Write("App/data.csv", Data);
        folder.Write("App/catinherit.yaml", """
            version: 1
            datasets:
              people: { path: data.csv, label: label, prediction: prediction }
            checks:
              - id: parity
                kind: group-fairness
                dataset: people
                sensitive: sex
                min_group_size: 1
                resamples: 0
                gate: { metric: demographic_parity_difference, max: 0.2 }
            """);
        return folder.File("App");
    }

    [Fact]
    public void Two_shards_write_partials_and_the_merge_target_gates_on_the_merged_report()
    {
        var dir = Project();
        var partials = folder.File("partials");
        foreach (var shard in new[] { "1/2", "2/2" })
        {
            var run = DotNet.Run(dir, "build", "-t:CatInheritGate", $"-p:CatInheritShard={shard}", $"-p:CatInheritPartialDir={partials}");
            Assert.True(run.ExitCode == 0, run.Output);
        }

        Assert.Equal(["shard-1-of-2.catpartial.json", "shard-2-of-2.catpartial.json"], Directory.GetFiles(partials, "*.catpartial.json", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var reports = folder.File("merged");
        var merge = DotNet.Run(dir, "build", "-t:CatInheritMerge", $"-p:CatInheritPartialDir={partials}", $"-p:CatInheritReportDir={reports}");
        Assert.NotEqual(0, merge.ExitCode);
        Assert.Contains($"{Path.Combine(dir, "catinherit.yaml")}(5,5): error CAT1001: check 'parity' (group-fairness) fail", merge.Output, StringComparison.Ordinal);
        var report = File.ReadAllText(Directory.GetFiles(reports, "report.json", SearchOption.AllDirectories).Single());
        Assert.Contains("\"shards\": 2", report, StringComparison.Ordinal);
        Assert.Contains("\"demographic_parity_difference\": 0.5", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_with_a_shard_missing_names_it()
    {
        var dir = Project();
        var partials = folder.File("partials");
        var run = DotNet.Run(dir, "build", "-t:CatInheritGate", "-p:CatInheritShard=2/3", $"-p:CatInheritPartialDir={partials}");
        Assert.True(run.ExitCode == 0, run.Output);

        var merge = DotNet.Run(dir, "build", "-t:CatInheritMerge", $"-p:CatInheritPartialDir={partials}");
        Assert.NotEqual(0, merge.ExitCode);
        Assert.Contains("error CAT0702", merge.Output, StringComparison.Ordinal);
        Assert.Contains("shards 1/3, 3/3 missing", merge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Xunit_tests_under_CATINHERIT_SHARD_write_partials_that_the_merge_target_gates()
    {
        folder.Write("Tests/nuget.config", feed.NuGetConfig);
        folder.Write("Tests/Tests.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="CatInherit.Xunit" Version="{{feed.Version}}" />
                <PackageReference Include="CatInherit.MSBuild" Version="{{feed.Version}}" />
              </ItemGroup>
              <ItemGroup>
                <None Include="catinherit.yaml;data.csv" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("Tests/PolicyTests.cs", """
            using CatInherit.Xunit;

            public class PolicyTests
            {
                [InheritancePolicy("catinherit.yaml")]
                public void Checks() { }
            }
            """);
        folder.Write("Tests/data.csv", Data);
        folder.Write("Tests/catinherit.yaml", File.ReadAllText(Path.Combine(Project(), "catinherit.yaml")));
        var dir = folder.File("Tests");
        var partials = folder.File("xunit-partials");

        foreach (var shard in new[] { "1/2", "2/2" })
        {
            var trx = Path.Combine(dir, $"shard-{shard[0]}.trx");
            var run = DotNet.Run(dir, new Dictionary<string, string> { ["CATINHERIT_SHARD"] = shard, ["CATINHERIT_PARTIAL_DIR"] = partials }, "test", "--logger", "trx;LogFileName=" + trx);
            Assert.True(run.ExitCode == 0, run.Output);
            var result = Assert.Single(DotNet.ReadTrx(trx));
            Assert.Equal("Passed", result.Outcome);
        }

        Assert.Equal(2, Directory.GetFiles(partials, "*.catpartial.json", SearchOption.AllDirectories).Length);
        var merge = DotNet.Run(dir, "build", "-t:CatInheritMerge", $"-p:CatInheritPartialDir={partials}");
        Assert.NotEqual(0, merge.ExitCode);
        Assert.Contains("error CAT1001: check 'parity' (group-fairness) fail", merge.Output, StringComparison.Ordinal);
    }
}
