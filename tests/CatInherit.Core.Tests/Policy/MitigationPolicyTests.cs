using CatInherit.Probes;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Policy;

/// <summary>The <c>mitigations:</c> section is validated at load: every problem at once, each at its line and column.</summary>
public sealed class MitigationPolicyTests : IDisposable
{
    private const string Head = """
        version: 1
        models:
          m:
            path: model.onnx
            inputs: { features: [a, b, c] }
            output: { name: logits, kind: logits }
        datasets:
          fit: { path: data.csv, label: label, where: { split: fit } }
          test: { path: data.csv, label: label, where: { split: test } }
          all: { path: data.csv, label: label }
        checks:
          - id: calibration
            kind: calibration
            dataset: test
            gate: { metric: ece, max: 0.1 }
          - id: reported
            kind: calibration
            dataset: all
        mitigations:

        """;

    private readonly TempFolder folder = new();

    public MitigationPolicyTests()
    {
        folder.Write("data.csv", "a,b,c,g,label,split\n1,2,3,x,1,fit\n");
        folder.Write("model.onnx", string.Empty);
    }

    public void Dispose() => folder.Dispose();

    private string[] Problems(string mitigations) =>
        [.. CheckKinds.Parse(Head + mitigations, "p.yaml", folder.Path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString())];

    [Fact]
    public void A_valid_section_loads_with_its_values()
    {
        var result = CheckKinds.Parse(Head + "  - { id: t, method: temperature, fit: fit }\n  - { id: f, method: thresholds, fit: fit, sensitive: g, constraint: equal_opportunity, max: 0.05 }\n", "p.yaml", folder.Path);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var mitigations = result.Policy!.Mitigations;
        Assert.Equal(["t", "f"], mitigations.Select(m => m.Id));
        Assert.Equal("fit", mitigations[0].Fit!.Name);
        Assert.Equal("m", Assert.Single(mitigations[1].Models).Name);
    }

    [Fact]
    public void Fitting_on_a_dataset_a_gated_check_reads_is_an_error_at_the_fit_key()
    {
        Assert.Equal(
            ["p.yaml(20,40): error CAT0740: mitigation 't' is fitted on dataset 'test', which gated check 'calibration' evaluates on: the before/after report would measure the fix on the rows it was fitted on. Fit on a dataset no gated check reads (e.g. a slice kept apart with 'where: { split: fit }')"],
            Problems("  - { id: t, method: temperature, fit: test }\n"));
    }

    [Fact]
    public void Fitting_on_rows_of_the_same_file_that_nothing_keeps_apart_is_an_error()
    {
        var problems = Problems("  - id: t\n    method: temperature\n    fit: all\n");
        Assert.Equal(["p.yaml(22,10): error CAT0740: mitigation 't' is fitted on dataset 'all', which reads the same file as dataset 'test' that gated check 'calibration' evaluates on, and nothing keeps their rows apart; give both a 'where' on one column with different values (e.g. split: fit and split: test)"], problems);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = Problems("""
              - { id: t, method: temprature, fit: fit }
              - { id: t2, method: temperature }
              - { id: f, method: thresholds, fit: fit, constraint: parity, max: 2 }
              - { id: p, method: project, model: m }
              - { id: t2, method: abstain, fit: fit }
            """);
        Assert.Contains(problems, p => p.StartsWith("p.yaml(21,23): error CAT0002: unknown mitigation method 'temprature'. Did you mean 'temperature'?", StringComparison.Ordinal) || (p.Contains("'temprature'", StringComparison.Ordinal) && p.Contains("temperature", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.Contains("mitigation 't2' needs 'fit: <dataset>'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'parity'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'max'", StringComparison.Ordinal) || p.Contains("at most 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CAT0749", StringComparison.Ordinal) && p.Contains("'t2' is already used", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("exactly one of 'pairs' or 'targets'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CAT0744", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Matches(@"^p\.yaml\(\d+(,\d+)?\): error CAT\d{4}: ", p));
    }
}
