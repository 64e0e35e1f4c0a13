using CatInherit.Gating;
using CatInherit.Metrics;

namespace CatInherit.Reports;

/// <summary>One model's run of a compared check: its status and the compared metric's value and interval.</summary>
/// <param name="Model">The model the run bound the check's datasets to.</param>
/// <param name="Id">The run's own id (<c>{id}@{model}</c>).</param>
/// <param name="Status">The run's status.</param>
/// <param name="Value">The compared metric's value; null when it is undefined on this run.</param>
/// <param name="Interval">Its bootstrap interval, when one was computed.</param>
/// <param name="Count">Rows (or pairs, samples) the run's metrics are computed on.</param>
public sealed record ComparisonRun(string Model, string Id, CheckStatus Status, double? Value, Interval? Interval, long Count);
