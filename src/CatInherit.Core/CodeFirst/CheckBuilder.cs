using System.Globalization;
using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.CodeFirst;

/// <summary>A check being declared in code: add a gate, then <see cref="Run"/> or <see cref="Assert"/>.</summary>
/// <remarks>
/// The check is built as a policy tree in memory (<see cref="PolicyTree"/>) and read by the same loader as a YAML
/// file, with its rows given as an in-memory table: no text is spliced into YAML and nothing is written to disk,
/// while defaults, rules, values, reports and messages are exactly those of the same check written in a policy.
/// </remarks>
public sealed class CheckBuilder
{
    private const string DatasetName = "data";
    private readonly PredictionData data;
    private readonly string kind;
    private readonly (string Key, object? Value)[] keys;
    private readonly List<string> groups;
    private (string Key, object? Value)[]? gate;
    private bool byInterval;
    private int? seed;

    internal CheckBuilder(PredictionData data, string kind, (string Key, object? Value)[] keys, List<string> groups)
    {
        this.data = data;
        this.kind = kind;
        this.keys = keys;
        this.groups = groups;
    }

    /// <summary>The check's id in reports and messages.</summary>
    public string Id { get; private set; } = "code-first";

    /// <summary>Names the check.</summary>
    public CheckBuilder Named(string id)
    {
        Id = id;
        return this;
    }

    /// <summary>Fails when <paramref name="metric"/> is above <paramref name="max"/>.</summary>
    public CheckBuilder ShouldBeAtMost(string metric, double max)
    {
        gate = [("metric", metric), ("max", max)];
        return this;
    }

    /// <summary>Fails when <paramref name="metric"/> is below <paramref name="min"/>.</summary>
    public CheckBuilder ShouldBeAtLeast(string metric, double min)
    {
        gate = [("metric", metric), ("min", min)];
        return this;
    }

    /// <summary>Warns instead of passing when the bootstrap interval crosses the threshold.</summary>
    public CheckBuilder DecideByInterval()
    {
        byInterval = true;
        return this;
    }

    /// <summary>The bootstrap seed (default: <c>CATINHERIT_SEED</c>, else 0).</summary>
    public CheckBuilder WithSeed(int value)
    {
        seed = value;
        return this;
    }

    /// <summary>Runs the check; invalid input throws <see cref="Policy.InvalidInputException"/> with the diagnostics.</summary>
    public CheckReport Run()
    {
        var options = RunSettings.ResolveOrThrow(new RunSettingsRequest { Seed = seed?.ToString(CultureInfo.InvariantCulture), UseCache = false });
        var at = SourceLocation.OfFile($"code-first check '{Id}'");
        var loaded = PolicyLoader.Read(Tree(at), at.File, Directory.GetCurrentDirectory(), CheckKinds.Catalog, new HashSet<string> { DatasetName });
        if (loaded.Policy is not { } policy)
        {
            throw new Policy.InvalidInputException(loaded.Diagnostics);
        }

        var result = PolicyRunner.Run(policy, options, sources: new DataSources().Add(DatasetName, Table()));
        return result.Report?.Checks[0] ?? throw new Policy.InvalidInputException(result.Diagnostics);
    }

    /// <summary>Runs the check and throws <see cref="InheritanceCheckException"/> unless it passes (or warns).</summary>
    public CheckReport Assert()
    {
        var report = Run();
        return !report.Fails() ? report : throw new InheritanceCheckException(TestMessages.Describe(report));
    }

    /// <summary>The one-check policy, as the tree a YAML file would parse into.</summary>
    private Policy.Yaml.YamlMap Tree(SourceLocation at)
    {
        (string, object?)[] dataset = data.Probabilities is { } p
            ? [("path", "data.csv"), ("label", "label"), ("scores", ScoreColumns(p[0].Count)), ("score_kind", "probabilities")]
            : [("path", "data.csv"), ("label", "label"), ("prediction", "prediction")];
        (string, object?)[] check =
        [
            ("id", Id),
            ("kind", kind),
            ("dataset", DatasetName),
            .. keys,
            ("gate", gate),
            ("decide", byInterval ? "interval" : null),
        ];
        return PolicyTree.Map(at, ("version", 1), ("datasets", new (string, object?)[] { (DatasetName, dataset) }), ("checks", PolicyTree.List(at, [PolicyTree.Map(at, check)])));
    }

    private InMemoryTable Table()
    {
        var columns = new List<string> { "label", "group" };
        columns.AddRange(data.Probabilities is { } p ? ScoreColumns(p[0].Count) : ["prediction"]);
        var rows = new List<IReadOnlyList<string>>(data.Labels.Count);
        for (var row = 0; row < data.Labels.Count; row++)
        {
            var cells = new List<string> { data.Labels[row], groups[row] };
            if (data.Probabilities is { } probabilities)
            {
                cells.AddRange(probabilities[row].Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            }
            else
            {
                cells.Add(data.Predictions![row]);
            }

            rows.Add(cells);
        }

        return new InMemoryTable(columns, rows);
    }

    private static string[] ScoreColumns(int count) => [.. Enumerable.Range(0, count).Select(k => $"p{k}")];
}
