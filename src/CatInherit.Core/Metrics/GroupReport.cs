namespace CatInherit.Metrics;

/// <summary>Per-group values of a fairness check.</summary>
/// <param name="Name">The group: the sensitive value, or <c>col=value, col=value</c> for intersections.</param>
/// <param name="Count">Rows in the group.</param>
/// <param name="Excluded">True when the group is smaller than <c>min_group_size</c> and left out of the metrics.</param>
/// <param name="Metrics">The group's defined rates.</param>
public sealed record GroupReport(string Name, long Count, bool Excluded, IReadOnlyList<MetricValue> Metrics);
