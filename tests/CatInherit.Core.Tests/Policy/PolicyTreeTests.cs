using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.Tests.Policy;

/// <summary>A policy built in memory: typed values through the same loader as YAML, rows from memory, no files.</summary>
public sealed class PolicyTreeTests
{
    private static readonly SourceLocation At = SourceLocation.OfFile("in-memory policy");

    private static PolicyLoadResult Load(params (string, object?)[] check) =>
        PolicyLoader.Read(
            PolicyTree.Map(At, ("version", 1), ("datasets", new (string, object?)[] { ("d", new (string, object?)[] { ("path", "d.csv"), ("label", "y"), ("scores", new[] { "p0", "p1" }), ("score_kind", "probabilities") }) }), ("checks", PolicyTree.List(At, [PolicyTree.Map(At, check)]))),
            At.File,
            Directory.GetCurrentDirectory(),
            CheckKinds.Catalog,
            new HashSet<string> { "d" });

    [Fact]
    public void A_check_built_in_memory_gets_its_defaults_and_runs_on_rows_in_memory()
    {
        // The calibration case of RobustnessTests, by hand: ECE 0.375 with 10 bins, Brier 0.535.
        var loaded = Load(("id", "cal"), ("kind", "calibration"), ("dataset", "d"), ("bins", 10), ("resamples", 0));
        var rows = new InMemoryTable(["y", "p0", "p1"], [["1", "0.1", "0.9"], ["0", "0.1", "0.9"], ["0", "0.6", "0.4"], ["1", "0.3", "0.7"]]);

        var check = Assert.Single(loaded.Policy!.Checks);
        var report = PolicyRunner.Run(loaded.Policy, new RunOptions(), sources: new DataSources().Add("d", rows)).Report!;

        Assert.Equal(0.95, check.Confidence);
        Assert.Equal("point", check.Values.String("decide"));
        Assert.Equal(0.375, report.Checks[0].Metrics.Single(m => m.Name == "ece").Value, 6);
        Assert.Equal(0.535, report.Checks[0].Metrics.Single(m => m.Name == "brier").Value, 6);
    }

    [Fact]
    public void The_same_rules_apply_to_a_tree_as_to_yaml()
    {
        var loaded = Load(("id", "cal"), ("kind", "calibration"), ("dataset", "d"), ("bins", 0));

        Assert.Null(loaded.Policy);
        Assert.Equal(["in-memory policy: error CAT0015: 'bins' in check 'cal' must be between 1 and 1000; found 0"], loaded.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
    }
}
