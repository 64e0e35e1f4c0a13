namespace CatInherit.Metrics;

/// <summary>A named, defined metric value.</summary>
/// <param name="Name">snake_case metric name.</param>
/// <param name="Value">A finite number.</param>
public sealed record MetricValue(string Name, double Value);
