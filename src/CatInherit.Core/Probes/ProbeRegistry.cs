using CatInherit.Probes.Adversarial;
using CatInherit.Probes.AttributeInference;
using CatInherit.Probes.Calibration;
using CatInherit.Probes.Corruption;
using CatInherit.Probes.Counterfactual;
using CatInherit.Probes.EmbeddingAssociation;
using CatInherit.Probes.GroupFairness;
using CatInherit.Probes.IdentityBias;
using CatInherit.Probes.IdentityTemplates;
using CatInherit.Probes.LongTail;
using CatInherit.Probes.MembershipInference;
using CatInherit.Probes.Ood;
using CatInherit.Probes.Perturbation;
using CatInherit.Probes.Slices;
using CatInherit.Probes.TriggerScan;

namespace CatInherit.Probes;

/// <summary>The probe of each implemented check kind: one line per kind (its folder holds everything else).</summary>
internal static class ProbeRegistry
{
    public static IReadOnlyList<IProbe> All { get; } =
    [
        new GroupFairnessProbe(),
        new CounterfactualProbe(),
        new EmbeddingAssociationProbe(),
        new OodProbe(),
        new CorruptionProbe(),
        new LongTailProbe(),
        new CalibrationProbe(),
        new MembershipInferenceProbe(),
        new AttributeInferenceProbe(),
        new PerturbationProbe(),
        new TriggerScanProbe(),
        new AdversarialProbe(),
        new IdentityBiasProbe(),
        new IdentityTemplatesProbe(),
        new SlicesProbe(),
    ];

    private static readonly Dictionary<string, IProbe> ByKind = All.ToDictionary(p => p.Descriptor.Name, StringComparer.Ordinal);

    public static IProbe For(string kind) => ByKind[kind];
}
