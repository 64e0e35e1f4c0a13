using CatInherit.Data;

namespace CatInherit.Probes;

/// <summary>The data a probe works on: one dataset's table and predictions, and the run's seed.</summary>
internal sealed record ProbeInput(DataTable Table, PredictionSet Predictions, int Seed);
