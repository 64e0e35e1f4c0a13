using System.Globalization;
using System.Text;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;

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
    private int? seed;

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

    /// <summary>The bootstrap seed (default: <c>CATINHERIT_SEED</c>, else 0).</summary>
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
            File.WriteAllText(Path.Combine(folder, "data.csv"), Csv());
            var policy = Path.Combine(folder, "policy.yaml");
            File.WriteAllText(policy, Yaml());
            var options = RunSettings.ResolveOrThrow(new RunSettingsRequest { Seed = seed?.ToString(CultureInfo.InvariantCulture), UseCache = false });
            var result = PolicyRunner.Run(policy, options);
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
            ? $"{{ path: data.csv, label: label, scores: [{string.Join(", ", Enumerable.Range(0, p[0].Count).Select(k => $"p{k}"))}], score_kind: probabilities }}"
            : "{ path: data.csv, label: label, prediction: prediction }";
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

    private string Csv()
    {
        var text = new StringBuilder("label,group");
        text.Append(data.Probabilities is { } p ? string.Concat(Enumerable.Range(0, p[0].Count).Select(k => $",p{k}")) : ",prediction");
        text.Append('\n');
        for (var row = 0; row < data.Labels.Count; row++)
        {
            text.Append(Cell(data.Labels[row])).Append(',').Append(Cell(groups[row]));
            if (data.Probabilities is { } probabilities)
            {
                foreach (var value in probabilities[row])
                {
                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                text.Append(',').Append(Cell(data.Predictions![row]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
