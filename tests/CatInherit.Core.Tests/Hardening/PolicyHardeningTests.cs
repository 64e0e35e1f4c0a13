using CatInherit.Metrics;
using CatInherit.Probes;
using CatInherit.Tests.Support;
using static CatInherit.Tests.Hardening.HardeningRun;

namespace CatInherit.Tests.Hardening;

/// <summary>Hostile policies end in a diagnostic: deep nesting, NUL characters in paths; and a few messages made exact.</summary>
public sealed class PolicyHardeningTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string[] Diagnostics(string yaml) =>
        [.. CheckKinds.Parse(yaml, "p.yaml", folder.Path).Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Fifteen_thousand_brackets_are_a_yaml_error_not_a_stack_overflow()
    {
        var yaml = "version: 1\ndatasets: " + new string('[', 15_000) + new string(']', 15_000) + "\n";

        Assert.Equal(["p.yaml(2,75): error CAT0002: the YAML nests deeper than 64 levels here; a policy needs only a few (is a '[' or '{' never closed, or repeated?)"], Diagnostics(yaml));
    }

    [Fact]
    public void Unclosed_deep_nesting_is_a_yaml_error_too()
    {
        var yaml = "version: 1\nchecks:\n" + string.Concat(Enumerable.Repeat("- {a: ", 15_000));

        var problem = Assert.Single(Diagnostics(yaml));

        Assert.StartsWith("p.yaml(", problem, StringComparison.Ordinal);
        Assert.Contains("error CAT0002: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_yaml_dotnet_cannot_read_is_a_yaml_error_at_its_token()
    {
        Assert.Equal(["p.yaml(3,12): error CAT0002: invalid YAML: Global tags must be valid URIs."], Diagnostics("version: 1\nchecks:\n  - { id: [[!!binary]] }\n"));
    }

    [Fact]
    public void A_nul_character_in_a_data_path_is_a_missing_file()
    {
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n");

        var problems = Diagnostics(PolicyRun.FairnessPolicy("\"d\\0.csv\""));

        Assert.Equal(["p.yaml(4,11): error CAT0100: data file 'd\\u0000.csv' contains a NUL character; no file can have that name"], problems);
    }

    [Fact]
    public void A_nul_character_in_the_policy_path_is_a_missing_policy()
    {
        var result = CheckKinds.Load("policy\0.yaml");

        Assert.Equal(["policy\\u0000.yaml: error CAT0001: the policy path contains a NUL character; no file can have that name"], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void An_exclusive_lower_bound_says_greater_than()
    {
        var yaml = """
            version: 1
            datasets:
              a: { path: a.csv, label: y, scores: [p], score_kind: probabilities }
            checks:
              - { id: shift, kind: ood, dataset: a, ood: a, score: energy, temperature: 0 }
            """;
        folder.Write("a.csv", "y,p\n1,0.5\n");

        Assert.Contains("p.yaml(5,77): error CAT0015: 'temperature' in check 'shift' must be greater than 0; found 0", Diagnostics(yaml));
    }

    [Fact]
    public void A_huge_threshold_prints_compactly()
    {
        var check = Assert.Single(Run(folder, PolicyRun.FairnessPolicy("d.csv").Replace("max: 0.5", "max: 1e308"), Text("d.csv", "label,pred,sex\n1,1,a\n0,1,b\n")).Report!.Checks);

        Assert.Equal("1E+308", Numbers.Format(1e308));
        Assert.Equal("1.2346E+6", Numbers.Format(1_234_567));
        Assert.Equal("999999", Numbers.Format(999_999));
        Assert.StartsWith("demographic_parity_difference 0 [0, 0] meets max 1E+308 (n=2)", check.Message, StringComparison.Ordinal);
    }
}
