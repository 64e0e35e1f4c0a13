using CatInherit.Tests.Support;

namespace CatInherit.IntegrationTests;

/// <summary>Fresh consumer test projects that use the xUnit adapters, run with a real `dotnet test`.</summary>
[Collection("consumers")]
public sealed class XunitConsumerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private const string Policy = """
        version: 1
        datasets:
          loans: { path: loans.csv, label: repaid, prediction: approved }
        checks:
          - id: parity
            kind: group-fairness
            dataset: loans
            sensitive: sex
            gate: { metric: demographic_parity_difference, max: 0.6 }
          - id: strict-parity
            kind: group-fairness
            dataset: loans
            sensitive: sex
            gate: { metric: demographic_parity_difference, max: 0.1 }
        """;

    private const string Data = "repaid,approved,sex\n1,1,f\n0,1,f\n1,1,f\n0,0,f\n1,0,m\n0,0,m\n1,1,m\n0,0,m\n";

    private string Consumer(string packages, string code, string policy = Policy)
    {
        var project = folder.File("Consumer");
        folder.Write("Consumer/Consumer.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
                <!-- As in CI: source paths are mapped to /_/, so the policy is found from the assembly's folders. -->
                <ContinuousIntegrationBuild>true</ContinuousIntegrationBuild>
              </PropertyGroup>
              <ItemGroup>
            {{packages}}
              </ItemGroup>
            </Project>
            """);
        folder.Write("Consumer/catinherit.yaml", policy);
        folder.Write("Consumer/loans.csv", Data);
        folder.Write("Consumer/PolicyTests.cs", code);
        return project;
    }

    private List<DotNet.TestResult> Test(string project, out DotNet.Outcome outcome, params string[] extra)
    {
        var trx = Path.Combine(project, "results.trx");
        File.Delete(trx);
        outcome = DotNet.Run(project, ["test", "--logger", "trx;LogFileName=" + trx, .. extra]);
        Assert.True(File.Exists(trx), outcome.Output);
        return DotNet.ReadTrx(trx);
    }

    private static string V2Packages => $"""
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
            <ProjectReference Include="{Path.Combine(DotNet.RepoRoot, "src", "CatInherit.Xunit", "CatInherit.Xunit.csproj")}" />
        """;

    private const string V2Code = """
        using CatInherit.Xunit;

        public class PolicyTests
        {
            [InheritancePolicy("catinherit.yaml")]
            public void Checks() { }

            [InheritanceCheck("catinherit.yaml", "parity")]
            public void OnlyParity() { }
        }
        """;

    [Fact]
    public void Xunit_v2_lists_one_test_per_check_with_messages_and_traits()
    {
        var project = Consumer(V2Packages, V2Code);

        var results = Test(project, out var outcome);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["group-fairness: parity", "group-fairness: parity", "group-fairness: strict-parity"], results.Select(r => r.Name).Order());
        var failed = Assert.Single(results, r => r.Outcome == "Failed");
        Assert.Equal("group-fairness: strict-parity", failed.Name);
        Assert.StartsWith("CatInherit.GateFailed : group-fairness: strict-parity: fail — demographic_parity_difference 0.5 [", failed.Message);
        Assert.Contains("exceeds max 0.1 (n=8); selection_rate ranges from 0.25 ('m', n=4) to 0.75 ('f', n=4)", failed.Message);
        Assert.Contains("gate: demographic_parity_difference = 0.5 [", failed.Message);
        Assert.All(results.Where(r => r.Outcome == "Passed"), r => Assert.Contains("meets max 0.6 (n=8)", r.Output));

        var filtered = Test(project, out var filteredOutcome, "--filter", "CatInherit.Check=parity");
        Assert.Equal(0, filteredOutcome.ExitCode);
        Assert.Equal(["group-fairness: parity", "group-fairness: parity"], filtered.Select(r => r.Name));
    }

    [Fact]
    public void Xunit_v2_shows_a_policy_that_does_not_load_as_one_failing_test()
    {
        var project = Consumer(V2Packages, V2Code, Policy.Replace("sensitive: sex\n    gate: { metric: demographic_parity_difference, max: 0.6 }", "sensitve: sex\n    gate: { metric: demographic_parity_difference, max: 0.6 }", StringComparison.Ordinal));

        var results = Test(project, out var outcome);

        Assert.Equal(1, outcome.ExitCode);
        var failed = results.Where(r => r.Outcome == "Failed").ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => Assert.Contains("CatInherit policy catinherit.yaml does not load:", f.Message));
        Assert.All(failed, f => Assert.Contains("catinherit.yaml(5,5): error CAT0011: check 'parity' is missing 'sensitive'", f.Message));
        Assert.All(failed, f => Assert.Contains("error CAT0010: unknown key 'sensitve' in check 'parity'. Did you mean 'sensitive'?", f.Message));
    }

    private static string V3Packages => $"""
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit.v3.mtp-off" Version="4.0.2" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
            <ProjectReference Include="{Path.Combine(DotNet.RepoRoot, "src", "CatInherit.Xunit.V3", "CatInherit.Xunit.V3.csproj")}" />
        """;

    [Fact]
    public void Xunit_v3_lists_one_test_per_check_with_messages_and_traits()
    {
        var project = Consumer(V3Packages, V2Code);

        var results = Test(project, out var outcome);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["group-fairness: parity", "group-fairness: parity", "group-fairness: strict-parity"], results.Select(r => r.Name).Order());
        var failed = Assert.Single(results, r => r.Outcome == "Failed");
        Assert.Equal("group-fairness: strict-parity", failed.Name);
        Assert.Contains("group-fairness: strict-parity: fail — demographic_parity_difference 0.5 [", failed.Message);
        Assert.Contains("exceeds max 0.1 (n=8); selection_rate ranges from 0.25 ('m', n=4) to 0.75 ('f', n=4)", failed.Message);
        Assert.All(results.Where(r => r.Outcome == "Passed"), r => Assert.Contains("meets max 0.6 (n=8)", r.Output));

        var filtered = Test(project, out var filteredOutcome, "--filter", "CatInherit.Kind=group-fairness&CatInherit.Check=strict-parity");
        Assert.Equal(1, filteredOutcome.ExitCode);
        Assert.Equal(["group-fairness: strict-parity"], filtered.Select(r => r.Name));
    }

    [Fact]
    public void Xunit_v3_shows_a_policy_that_does_not_load_as_a_failing_test()
    {
        var project = Consumer(V3Packages, V2Code, "version: 2\n");

        var results = Test(project, out var outcome);

        Assert.Equal(1, outcome.ExitCode);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("Failed", r.Outcome));
        Assert.All(results, r => Assert.Contains("catinherit.yaml(1,10): error CAT0003: policy version 2 is not supported; this release reads version 1", r.Message));
    }
}
