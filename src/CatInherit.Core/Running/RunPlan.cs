using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Probes;

namespace CatInherit.Running;

/// <summary>
/// What a run will do, decided before any file is read: the datasets to read with every column any check
/// needs, the models each dataset is fed to, and the probe of each check. <see cref="RunPlanner"/> makes it.
/// </summary>
/// <param name="Policy">The policy planned.</param>
/// <param name="Datasets">The datasets some check names, in policy order.</param>
/// <param name="Checks">Each check with its probe, in policy order.</param>
internal sealed record RunPlan(InheritancePolicy Policy, IReadOnlyList<DatasetPlan> Datasets, IReadOnlyList<CheckPlan> Checks)
{
    /// <summary>Every model the run may open: those that compute a dataset's outputs and those that serve a check generating texts.</summary>
    public IReadOnlyList<ModelSpec> Models =>
        [.. Policy.Models.Where(m => Datasets.Any(d => d.Models.Contains(m)) || Checks.Any(c => c.GeneratesTexts && c.Check.Model == m))];
}

/// <summary>One dataset to read.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Columns">Every column read: label, prediction, scores, <c>where</c> columns, model inputs and the checks' own.</param>
/// <param name="Models">The models that compute its outputs, each once (for the checks that feed it to them); empty when it holds them itself.</param>
internal sealed record DatasetPlan(DatasetSpec Dataset, IReadOnlyList<ColumnRequest> Columns, IReadOnlyList<ModelSpec> Models);

/// <summary>One check and the probe that runs it.</summary>
/// <param name="Check">The check.</param>
/// <param name="Probe">Its kind's probe.</param>
internal sealed record CheckPlan(CheckSpec Check, IProbe Probe)
{
    /// <summary>Whether the kind generates texts or rows for its model (counterfactual twins, word sets, corruptions).</summary>
    public bool GeneratesTexts => Probe.Descriptor.Needs.Generates is not null;
}
