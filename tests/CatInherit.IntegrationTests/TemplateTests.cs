using CatInherit.Tests.Support;

namespace CatInherit.IntegrationTests;

/// <summary><c>dotnet new install CatInherit.Templates</c> from the feed, <c>dotnet new catinherit-tests</c>, <c>dotnet test</c>.</summary>
[Collection("consumers")]
public sealed class TemplateTests(PackagedFeed feed) : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_template_creates_a_test_project_whose_tests_and_gate_pass()
    {
        // A private template hive, so the test neither sees nor changes the machine's installed templates.
        var hive = folder.File("hive");
        folder.Write("nuget.config", feed.NuGetConfig);

        var install = DotNet.Run(folder.Path, "new", "install", $"CatInherit.Templates::{feed.Version}", "--add-source", feed.Folder, "--debug:custom-hive", hive);
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("catinherit-tests", install.Output);
        var create = DotNet.Run(folder.Path, "new", "catinherit-tests", "-n", "Acme.Scoring.Tests", "--debug:custom-hive", hive);
        Assert.True(create.ExitCode == 0, create.Output);

        var project = folder.File("Acme.Scoring.Tests");
        Assert.Equal(
            [".gitignore", "Acme.Scoring.Tests.csproj", "InheritanceTests.cs", "catinherit.yaml", "predictions.csv"],
            Directory.GetFiles(project).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var csproj = File.ReadAllText(Path.Combine(project, "Acme.Scoring.Tests.csproj"));
        Assert.Contains($"<CatInheritVersion>{feed.Version}</CatInheritVersion>", csproj);
        Assert.Contains("<CatInheritGate>true</CatInheritGate>", csproj);
        Assert.Contains("namespace Acme.Scoring.Tests;", File.ReadAllText(Path.Combine(project, "InheritanceTests.cs")));
        Assert.Contains("[InheritancePolicy(\"catinherit.yaml\")]", File.ReadAllText(Path.Combine(project, "InheritanceTests.cs")));

        var trx = Path.Combine(project, "results.trx");
        var test = DotNet.Run(project, "test", "--logger", "trx;LogFileName=" + trx);

        Assert.True(test.ExitCode == 0, test.Output);
        var results = DotNet.ReadTrx(trx);
        Assert.Equal(["calibration: calibration", "group-fairness: selection-parity-by-group"], results.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal("Passed", r.Outcome));
        // The gate ran after the tests, over the same policy.
        Assert.Contains("check 'selection-parity-by-group' (group-fairness) pass: demographic_parity_difference", test.Output);
        Assert.Contains("check 'calibration' (calibration) pass: ece", test.Output);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "catinherit", "report.json")));
    }
}
