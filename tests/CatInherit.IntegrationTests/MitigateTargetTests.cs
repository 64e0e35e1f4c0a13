using CatInherit.Tests.Support;

namespace CatInherit.IntegrationTests;

/// <summary><c>dotnet build -t:CatInheritMitigate</c> in a fresh project that takes CatInherit.MSBuild from the packed feed.</summary>
[Collection("consumers")]
public sealed class MitigateTargetTests(PackagedFeed feed) : IDisposable
{
    private const string Data = "score,label,sex,split\n0.9,1,f,fit\n0.2,0,f,fit\n0.6,1,f,fit\n0.4,0,f,fit\n0.8,1,m,fit\n0.7,0,m,fit\n0.3,0,m,fit\n0.95,1,m,fit\n"
        + "0.85,1,f,test\n0.3,0,f,test\n0.55,1,f,test\n0.45,0,f,test\n0.75,1,m,test\n0.65,0,m,test\n0.35,0,m,test\n0.9,1,m,test\n";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Project(string fit)
    {
        feed.WriteMsBuildConsumer(folder.File("App"), "    <CatInheritMitigateFormats>md</CatInheritMitigateFormats>");
        folder.Write("App/data.csv", Data);
        folder.Write("App/catinherit.yaml", $$"""
            version: 1
            datasets:
              fit: { path: data.csv, label: label, scores: [score], score_kind: probabilities, where: { split: fit } }
              test: { path: data.csv, label: label, scores: [score], score_kind: probabilities, where: { split: test } }
            checks:
              - id: parity
                kind: group-fairness
                dataset: test
                sensitive: sex
                gate: { metric: demographic_parity_difference, max: 0.5 }
            mitigations:
              - { id: fair, method: thresholds, fit: {{fit}}, sensitive: sex, constraint: demographic_parity, max: 0 }
            """);
        return folder.File("App");
    }

    [Fact]
    public void The_mitigate_target_writes_the_reports_and_fails_the_build_when_the_fix_hurts_a_group()
    {
        // Equal selection rates on these eight fit rows cost the men's group a true positive on the test rows.
        var dir = Project("fit");
        var outcome = DotNet.Run(dir, "build", "-t:CatInheritMitigate");
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("CatInherit mitigate: 'fair' (thresholds) failed", outcome.Output, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(dir, "catinherit.yaml")}(12,5): error CAT0750: mitigation 'fair' made check 'parity' worse: group(s) got worse: m: true_positive_rate 1 → 0.5", outcome.Output, StringComparison.Ordinal);
        var output = Path.Combine(dir, "bin", "Debug", "net10.0", "catinherit-mitigated");
        Assert.True(File.Exists(Path.Combine(output, "fair.thresholds.json")));
        Assert.Contains("| `parity` | demographic_parity_difference |", File.ReadAllText(Path.Combine(output, "mitigation.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fit_on_the_gated_split_fails_the_build_at_the_fit_key()
    {
        var dir = Project("test");
        var outcome = DotNet.Run(dir, "build", "-t:CatInheritMitigate");
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains($"{Path.Combine(dir, "catinherit.yaml")}(12,42): error CAT0740: mitigation 'fair' is fitted on dataset 'test'", outcome.Output, StringComparison.Ordinal);
    }
}
