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

    // Groups of 12 rows: a Poisson bootstrap resample practically never draws none of a group (e⁻¹² each), so no resample
    // is dropped and a check warns only for its interval.
    private static readonly string Data = "repaid,approved,sex\n" + string.Concat(Enumerable.Repeat("1,1,f\n0,1,f\n1,1,f\n0,0,f\n1,0,m\n0,0,m\n1,1,m\n0,0,m\n", 3));

    private string Consumer(string packages, string code, string policy = Policy, string? morePolicy = null)
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
        if (morePolicy is not null)
        {
            folder.Write("Consumer/more/catinherit.yaml", morePolicy);
        }

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

    /// <summary>
    /// parity passes, strict-parity fails, uncertain-parity warns (its interval crosses the threshold),
    /// approved-parity passes with a baseline written for approval (a warning).
    /// </summary>
    private const string RichPolicy = Policy + """

          - id: uncertain-parity
            kind: group-fairness
            dataset: loans
            sensitive: sex
            gate: { metric: demographic_parity_difference, max: 0.6 }
            decide: interval
          - id: approved-parity
            kind: group-fairness
            dataset: loans
            sensitive: sex
            gate: { metric: demographic_parity_difference, max: 0.6 }
            baseline: { tolerance: 0.01 }
        """;

    private const string MorePolicy = """
        version: 1
        datasets:
          loans: { path: ../loans.csv, label: repaid, prediction: approved }
        checks:
          - id: more-parity
            kind: group-fairness
            dataset: loans
            sensitive: sex
            gate: { metric: demographic_parity_difference, max: 0.6 }
        """;

    /// <summary>A class with a policy and one of its checks by name, and a class with two policies.</summary>
    private const string IdentityCode = """
        using CatInherit.Xunit;

        namespace My.Tests;

        public class MyInheritanceTests
        {
            [InheritancePolicy("catinherit.yaml")]
            public void Checks() { }

            [InheritanceCheck("catinherit.yaml", "parity")]
            public void OnlyParity() { }
        }

        public class TwoPolicies
        {
            [InheritancePolicy("catinherit.yaml")]
            public void Main() { }

            [InheritancePolicy("more/catinherit.yaml")]
            public void More() { }
        }
        """;

    private static readonly string[] IdentityTests =
    [
        "My.Tests.MyInheritanceTests | group-fairness: approved-parity",
        "My.Tests.MyInheritanceTests | group-fairness: parity",
        "My.Tests.MyInheritanceTests | group-fairness: strict-parity",
        "My.Tests.MyInheritanceTests | group-fairness: uncertain-parity",
        "My.Tests.TwoPolicies | group-fairness: approved-parity (catinherit.yaml)",
        "My.Tests.TwoPolicies | group-fairness: more-parity (more/catinherit.yaml)",
        "My.Tests.TwoPolicies | group-fairness: parity (catinherit.yaml)",
        "My.Tests.TwoPolicies | group-fairness: strict-parity (catinherit.yaml)",
        "My.Tests.TwoPolicies | group-fairness: uncertain-parity (catinherit.yaml)",
    ];

    /// <summary>Each check is a test of the user's class, listed once, found by the class name; checks the messages too.</summary>
    private void AssertTestIdentity(string project, List<DotNet.TestResult> results)
    {
        Assert.Equal(IdentityTests, results.Select(r => $"{r.ClassName} | {r.Name}").Order(StringComparer.Ordinal));
        Assert.Equal(["group-fairness: strict-parity", "group-fairness: strict-parity (catinherit.yaml)"], results.Where(r => r.Outcome == "Failed").Select(r => r.Name).Order(StringComparer.Ordinal));
        var failed = results.First(r => r.Name == "group-fairness: strict-parity");
        Assert.Contains("group-fairness: strict-parity: fail — demographic_parity_difference 0.5 [", failed.Message);
        Assert.Contains("exceeds max 0.1 (n=24); selection_rate ranges from 0.25 ('m', n=12) to 0.75 ('f', n=12)", failed.Message);
        Assert.Contains("meets max 0.6 (n=24)", results.First(r => r.Name == "group-fairness: parity").Output);

        var byClass = Test(project, out var byClassOutcome, "--no-build", "--filter", "FullyQualifiedName~MyInheritanceTests");
        Assert.Equal(1, byClassOutcome.ExitCode);
        Assert.Equal(IdentityTests.Where(t => t.StartsWith("My.Tests.MyInheritanceTests", StringComparison.Ordinal)), byClass.Select(r => $"{r.ClassName} | {r.Name}").Order(StringComparer.Ordinal));

        var byTrait = Test(project, out var byTraitOutcome, "--no-build", "--filter", "FullyQualifiedName~MyInheritanceTests&CatInherit.Check=parity");
        Assert.Equal(0, byTraitOutcome.ExitCode);
        Assert.Equal(["group-fairness: parity"], byTrait.Select(r => r.Name));

        var list = DotNet.Run(project, "test", "--no-build", "--list-tests");
        var listed = list.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("group-fairness: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(IdentityTests.Select(t => t.Split(" | ")[1]).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Xunit_v2_checks_are_tests_of_the_user_s_class_and_warnings_show_at_normal_verbosity()
    {
        var project = Consumer(V2Packages, IdentityCode, RichPolicy, MorePolicy);

        var results = Test(project, out var outcome, "-v", "n");

        Assert.Equal(1, outcome.ExitCode);
        AssertTestIdentity(project, results);
        // xUnit v2 has no test warnings: each is a line of the test host's output (shown from -v n) and of the test's output.
        Assert.Contains("[CatInherit] warning: group-fairness: uncertain-parity: warn — demographic_parity_difference 0.5 is within max 0.6 but its 95% interval [", outcome.Output);
        Assert.Contains("[CatInherit] warning: group-fairness: approved-parity: baseline written to ", outcome.Output);
        Assert.Contains("warning: group-fairness: uncertain-parity: warn —", results.First(r => r.Name == "group-fairness: uncertain-parity").Output);
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
    public void Xunit_v3_checks_are_tests_of_the_user_s_class_and_warnings_show_in_the_summary()
    {
        var project = Consumer(V3Packages, IdentityCode, RichPolicy, MorePolicy);

        var results = Test(project, out var outcome);

        Assert.Equal(1, outcome.ExitCode);
        AssertTestIdentity(project, results);
        // At the default verbosity: xUnit v3 reports test warnings in the run's summary.
        Assert.Contains("• group-fairness: uncertain-parity: warn — demographic_parity_difference 0.5 is within max 0.6 but its 95% interval [", outcome.Output);
        Assert.Contains("• group-fairness: approved-parity: baseline written to ", outcome.Output);
        Assert.DoesNotContain("• group-fairness: parity:", outcome.Output);
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

    private const string CodeFirstCode = """
        using CatInherit.CodeFirst;
        using Xunit;

        namespace My.Tests;

        public class CodeFirstTests
        {
            private static readonly int[] Labels = [1, 0, 1, 0, 1, 0, 1, 0];
            private static readonly int[] Predicted = [1, 1, 1, 0, 1, 0, 0, 0];
            private static readonly string[] Sex = ["f", "f", "f", "f", "m", "m", "m", "m"];

            [Fact]
            public void StrictParity() => Inheritance.Predictions(Labels, Predicted)
                .GroupFairness(Sex)
                .ShouldBeAtMost(GroupFairnessMetric.DemographicParityDifference, 0.1)
                .Named("strict-parity")
                .Assert();

            [Fact]
            public void LooseParity() => Inheritance.Predictions(Labels, Predicted)
                .GroupFairness(Sex)
                .ShouldBeAtMost(GroupFairnessMetric.DemographicParityDifference, 0.6)
                .Assert();

            [Fact]
            public void SizedParity() => Inheritance.Predictions(Labels, Predicted)
                .GroupFairness(Sex)
                .MinGroupSize(0)
                .Assert();
        }
        """;

    [Fact]
    public void Code_first_checks_fail_in_dotnet_test_with_the_description_or_the_user_s_file_and_line()
    {
        var project = Consumer(V3Packages, CodeFirstCode);
        File.Move(Path.Combine(project, "PolicyTests.cs"), Path.Combine(project, "CodeFirstTests.cs"));
        var line = CodeFirstCode.Split('\n').ToList().FindIndex(l => l.Contains(".MinGroupSize(0)", StringComparison.Ordinal)) + 1;

        var results = Test(project, out var outcome);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["LooseParity: Passed", "SizedParity: Failed", "StrictParity: Failed"], results.Select(r => $"{r.Name.Split('.')[^1]}: {r.Outcome}").Order(StringComparer.Ordinal));
        var strict = results.Single(r => r.Name.EndsWith("StrictParity", StringComparison.Ordinal));
        Assert.Contains("CatInherit.CodeFirst.InheritanceCheckException", strict.Message);
        Assert.Contains("group-fairness: strict-parity: fail — demographic_parity_difference 0.5 [", strict.Message);
        Assert.Contains("exceeds max 0.1 (n=8)", strict.Message);
        // The bad value is reported at the line of the builder call that gave it, in the user's own file, as the
        // compiler names it (its full path; /_/... where a build maps source paths).
        var sized = results.Single(r => r.Name.EndsWith("SizedParity", StringComparison.Ordinal));
        var expected = $"CodeFirstTests.cs({line}): error CAT0015: 'min_group_size' in check 'code-first' must be at least 1; found 0";
        Assert.True(
            sized.Message.StartsWith($"CatInherit.Policy.InvalidInputException : {Path.Combine(project, expected)}", StringComparison.Ordinal) || sized.Message.Contains($"/_/{expected}", StringComparison.Ordinal),
            $"expected an InvalidInputException at '{expected}', found:\n{sized.Message}");
    }
}
