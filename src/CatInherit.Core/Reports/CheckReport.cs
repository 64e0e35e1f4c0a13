using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Probes;

namespace CatInherit.Reports;

/// <summary>Everything known about one check after it ran.</summary>
public sealed record CheckReport
{
    /// <summary>The check's id.</summary>
    public required string Id { get; init; }

    /// <summary>The check's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Pass, fail, warn or error.</summary>
    public required CheckStatus Status { get; init; }

    /// <summary>Rows (or pairs, samples) the metrics are computed on.</summary>
    public required long Count { get; init; }

    /// <summary>Defined metrics, in catalog order.</summary>
    public required IReadOnlyList<MetricValue> Metrics { get; init; }

    /// <summary>Bootstrap intervals, by metric, in catalog order.</summary>
    public required IReadOnlyList<KeyValuePair<string, Interval>> Intervals { get; init; }

    /// <summary>The gate and its value, when the check has a gate.</summary>
    public GateResult? Gate { get; init; }

    /// <summary>Per-group values (fairness checks).</summary>
    public IReadOnlyList<GroupReport> Groups { get; init; } = [];

    /// <summary>Metrics that are undefined on this data, with the reason.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Undefined { get; init; } = [];

    /// <summary>Things worth knowing that do not change the status.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Kind-specific details (worst pairs, per-class values...), or null.</summary>
    public System.Text.Json.Nodes.JsonObject? Details { get; init; }

    /// <summary>One line that explains the status: metric, value, interval, threshold, n.</summary>
    public required string Message { get; init; }

    /// <summary>The models whose outputs the check used, in policy order; empty when its datasets held the predictions.</summary>
    public IReadOnlyList<ModelInfo> Models { get; init; } = [];

    /// <summary>For one run of a check written with <c>compare:</c>, which run it is (<see cref="RunReport.Compared"/> puts the runs side by side).</summary>
    public CheckComparison? Comparison { get; init; }

    /// <summary>Where the check is declared in the policy.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The display name used by test adapters.</summary>
    public string DisplayName => $"{Kind}: {Id}";

    /// <summary>
    /// Whether the check stops a release (<see cref="Verdict.Fails"/> decides): a failed gate or an undefined gated
    /// metric always does, a warning only when <paramref name="failOnWarning"/>, a check without a gate never.
    /// </summary>
    public bool Fails(bool failOnWarning = false) => Verdict.Fails(Status, failOnWarning);

    /// <summary>The report of a check: what its probe measured and what its gate decided.</summary>
    internal static CheckReport From(CheckSpec check, ProbeResult result, Verdict verdict) => new()
    {
        Id = check.Id,
        Kind = check.Kind,
        Status = verdict.Status,
        Count = result.Count,
        Metrics = [.. result.Metrics.Where(m => !double.IsNaN(m.Value)).Select(m => new MetricValue(m.Key, m.Value))],
        Intervals = result.Intervals,
        Gate = verdict.Gate,
        Groups = result.Groups,
        Undefined = result.Undefined,
        Warnings = [.. result.Warnings, .. verdict.Warnings],
        Details = result.Details,
        Message = verdict.Message,
        Location = check.Location,
        Comparison = check.Comparison,
    };

    /// <summary>The interval of a metric, when one was computed.</summary>
    public Interval? IntervalOf(string metric) => Intervals.FirstOrDefault(p => p.Key == metric) is { Key: not null } pair ? pair.Value : null;
}
