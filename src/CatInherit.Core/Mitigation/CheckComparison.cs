using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Policy.Schema;

namespace CatInherit.Mitigation;

/// <summary>One check before and after a mitigation: its gated (else first) metric, intervals, delta, statuses, and whether it got worse.</summary>
public sealed record CheckComparison
{
    /// <summary>The check's id.</summary>
    public required string Id { get; init; }

    /// <summary>The check's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The metric compared: the gate's, else the first reported; null when the check reported none.</summary>
    public string? Metric { get; init; }

    /// <summary>Which way the metric gets worse.</summary>
    public MetricDirection Direction { get; init; } = MetricDirection.Neutral;

    /// <summary>The value on the original model.</summary>
    public double? Before { get; init; }

    /// <summary>Its interval on the original model.</summary>
    public Interval? BeforeInterval { get; init; }

    /// <summary>The value on the mitigated model.</summary>
    public double? After { get; init; }

    /// <summary>Its interval on the mitigated model.</summary>
    public Interval? AfterInterval { get; init; }

    /// <summary>After − before.</summary>
    public double? Delta => Before is { } b && After is { } a ? a - b : null;

    /// <summary>The check's status on the original model.</summary>
    public required CheckStatus StatusBefore { get; init; }

    /// <summary>The check's status on the mitigated model.</summary>
    public required CheckStatus StatusAfter { get; init; }

    /// <summary>Whether the check is gated (only gated checks can fail a mitigation).</summary>
    public bool Gated { get; init; }

    /// <summary>Groups of a group check that got worse (name: metric before → after).</summary>
    public IReadOnlyList<string> WorseGroups { get; init; } = [];

    /// <summary>Why the mitigation fails on this check; null when it does not.</summary>
    public string? Worse { get; init; }
}
