using CatInherit.Data;
using CatInherit.Model;
using CatInherit.Policy;

namespace CatInherit.Probes;

/// <summary>
/// The data a probe works on: one dataset's table, its predictions (when it has them), the model's raw
/// outputs and the model that computed them (when a model ran).
/// </summary>
internal sealed record ProbeInput(DataTable Table, PredictionSet? Predictions, ModelOutputs? Outputs, ModelSpec? Model = null);
