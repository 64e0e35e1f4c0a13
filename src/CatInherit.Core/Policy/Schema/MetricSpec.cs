namespace CatInherit.Policy.Schema;

/// <summary>A metric a check kind reports.</summary>
/// <param name="Name">snake_case name, as in reports and gates.</param>
/// <param name="Description">What it measures, with its convention.</param>
/// <param name="Direction">Which way it gets worse.</param>
/// <param name="Gateable">False for per-group or per-class values that only appear in groups or details.</param>
public sealed record MetricSpec(string Name, string Description, MetricDirection Direction, bool Gateable = true);
