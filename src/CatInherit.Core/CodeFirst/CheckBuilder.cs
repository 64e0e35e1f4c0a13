using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CatInherit.Reports;
using CatInherit.Running;

namespace CatInherit.CodeFirst;

/// <summary>A check being declared in code: add a gate, then <see cref="Run"/> or <see cref="Assert"/>.</summary>
public sealed class CheckBuilder
{
    private readonly PredictionData data;
    private readonly string kind;
    private readonly Dictionary<string, string> keys;
    private readonly List<string> groups;
    private string? gate;
    private bool byInterval;
    private int seed;

    internal CheckBuilder(PredictionData data, string kind, Dictionary<string, string> keys, List<string> groups)
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
        gate = string.Create(CultureInfo.InvariantCulture, $"{{ metric: {metric}, max: {max:R} }}");
        return this;
    }

    /// <summary>Fails when <paramref name="metric"/> is below <paramref name="min"/>.</summary>
    public CheckBuilder ShouldBeAtLeast(string metric, double min)
    {
        gate = string.Create(CultureInfo.InvariantCulture, $"{{ metric: {metric}, min: {min:R} }}");
        return this;
    }

    /// <summary>Warns instead of passing when the bootstrap interval crosses the threshold.</summary>
    public CheckBuilder DecideByInterval()
    {
        byInterval = true;
        return this;
    }

    /// <summary>The bootstrap seed (default 0).</summary>
    public CheckBuilder WithSeed(int value)
    {
        seed = value;
        return this;
    }

    /// <summary>Runs the check; invalid input throws <see cref="Policy.InvalidInputException"/> with the diagnostics.</summary>
    public CheckReport Run()
    {
        var folder = Path.Combine(Path.GetTempPath(), "catinherit-code-first", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "data.jsonl"), Jsonl());
            var policy = Path.Combine(folder, "policy.yaml");
            File.WriteAllText(policy, Yaml());
            var result = PolicyRunner.Run(policy, new RunOptions { Seed = seed, UseCache = false });
            return result.Report?.Checks[0] ?? throw new Policy.InvalidInputException(result.Diagnostics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the check and throws <see cref="InheritanceCheckException"/> unless it passes (or warns).</summary>
    public CheckReport Assert()
    {
        var report = Run();
        return !report.Fails() ? report : throw new InheritanceCheckException(TestMessages.Describe(report));
    }

    private string Yaml()
    {
        var dataset = data.Probabilities is { } p
            ? $"{{ path: data.jsonl, label: label, scores: [{string.Join(", ", Enumerable.Range(0, p[0].Count).Select(k => $"p{k}"))}], score_kind: probabilities }}"
            : "{ path: data.jsonl, label: label, prediction: prediction }";
        var text = new StringBuilder($"version: 1\ndatasets:\n  data: {dataset}\nchecks:\n  - id: {Id}\n    kind: {kind}\n    dataset: data\n");
        foreach (var (key, value) in keys)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {key}: {value}\n");
        }

        if (gate is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"    gate: {gate}\n");
        }

        if (byInterval)
        {
            text.Append("    decide: interval\n");
        }

        return text.ToString();
    }

    /// <summary>The data as JSON Lines: a JSON string carries any value exactly (commas, quotes, line breaks).</summary>
    private string Jsonl()
    {
        var text = new StringBuilder();
        for (var row = 0; row < data.Labels.Count; row++)
        {
            var line = new JsonObject { ["label"] = data.Labels[row], ["group"] = groups[row] };
            if (data.Probabilities is { } probabilities)
            {
                for (var k = 0; k < probabilities[row].Count; k++)
                {
                    // JSON has no NaN or infinity: written as text, the reader reports them as not finite numbers.
                    var value = probabilities[row][k];
                    line[$"p{k.ToString(CultureInfo.InvariantCulture)}"] = double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                line["prediction"] = data.Predictions![row];
            }

            text.Append(line.ToJsonString()).Append('\n');
        }

        return text.ToString();
    }
}
