using CatInherit.Model;
using CatInherit.Policy;

namespace CatInherit.Probes;

/// <summary>What a probe's <see cref="IProbe.Run"/> receives.</summary>
/// <param name="Input">The check's dataset, or null for a check without one (templates, word lists).</param>
/// <param name="Texts">The outputs of the probe's <see cref="TextRequest"/>s, by key.</param>
/// <param name="Model">The check's model, if it has one.</param>
/// <param name="CheckSeed">The check's own seed (<see cref="Metrics.StableHash.CheckSeed"/> of the run's seed and the check's id): adding a check leaves the others' draws unchanged.</param>
internal sealed record ProbeContext(ProbeInput? Input, IReadOnlyDictionary<string, ModelOutputs> Texts, ModelSpec? Model, ulong CheckSeed)
{
    /// <summary>Every dataset the check names, by key (<c>dataset</c>, <c>members</c>, <c>non_members</c>...).</summary>
    public IReadOnlyDictionary<string, ProbeInput> Datasets { get; init; } = new Dictionary<string, ProbeInput>();

    /// <summary>The policy, for probes that need a dataset's declaration (e.g. its score kind).</summary>
    public InheritancePolicy? Policy { get; init; }

    /// <summary>The check's model, to ask while the probe runs (kinds that declare <see cref="Policy.Schema.DataNeeds.Queries"/>); null otherwise.</summary>
    public ModelQuery? Query { get; init; }
}
