using CatInherit.Metrics;

namespace CatInherit.Probes;

/// <summary>What a probe measured; gating decides its verdict, and the report joins the two.</summary>
internal sealed class ProbeResult
{
    public required long Count { get; init; }

    /// <summary>Metrics in catalog order; NaN where undefined (explained in <see cref="Undefined"/>).</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Metrics { get; init; }

    public IReadOnlyList<KeyValuePair<string, Interval>> Intervals { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Undefined { get; init; } = [];

    public IReadOnlyList<GroupReport> Groups { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Kind-specific details for the report (worst pairs, per-class values...), or null.</summary>
    public System.Text.Json.Nodes.JsonObject? Details { get; init; }

    /// <summary>
    /// Where a check that did not pass went wrong (its worst slices), computed only when its gate failed or warned: the
    /// run adds the details and appends the sentence to its message. Null for kinds that find no slices.
    /// </summary>
    public Func<Interpret.FailureDetails?>? WhenFailing { get; init; }

    /// <summary>The details behind a metric's value (e.g. which groups are furthest apart), for failure messages.</summary>
    public Func<string, string?> Explain { get; init; } = _ => null;
}
