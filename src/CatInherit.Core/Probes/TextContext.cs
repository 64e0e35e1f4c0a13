using CatInherit.Data;
using CatInherit.Policy;

namespace CatInherit.Probes;

/// <summary>What a probe's <see cref="IProbe.Texts"/> receives to generate the texts or rows it runs through its model.</summary>
/// <param name="Table">The check's dataset, or null for a check without one (templates, word lists).</param>
/// <param name="Model">The model that serves the check.</param>
/// <param name="CheckSeed">The check's seed for this run (as in <see cref="ProbeContext.CheckSeed"/>).</param>
/// <param name="DataSeed">
/// The check's seed for generating test data: <see cref="Metrics.StableHash.CheckSeed"/> of seed 0 and the check's id,
/// whatever the run's seed. The run's seed varies the resampling, not the inputs under test, as <c>sample:</c>
/// picks the same rows every run: corrupted inputs (and their cached outputs) stay the same across seeds.
/// </param>
internal sealed record TextContext(DataTable? Table, ModelSpec? Model, ulong CheckSeed, ulong DataSeed)
{
    /// <summary>The check's dataset as the policy declares it (its label column, its classes), when it has one.</summary>
    public DatasetSpec? Dataset { get; init; }
}
