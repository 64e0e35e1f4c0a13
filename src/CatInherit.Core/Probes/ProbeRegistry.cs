using CatInherit.Probes.Association;
using CatInherit.Probes.Calibration;
using CatInherit.Probes.Corruption;
using CatInherit.Probes.Counterfactual;
using CatInherit.Probes.Fairness;
using CatInherit.Probes.LongTail;
using CatInherit.Probes.Ood;
using CatInherit.Probes.Privacy;

namespace CatInherit.Probes;

/// <summary>The probe of each implemented check kind.</summary>
internal static class ProbeRegistry
{
    private static readonly Dictionary<string, IProbe> Probes = new IProbe[]
    {
        new GroupFairnessProbe(),
        new CounterfactualProbe(),
        new EmbeddingAssociationProbe(),
        new OodProbe(),
        new CorruptionProbe(),
        new LongTailProbe(),
        new CalibrationProbe(),
        new MembershipInferenceProbe(),
        new AttributeInferenceProbe(),
    }.ToDictionary(p => p.Kind, StringComparer.Ordinal);

    public static IProbe For(string kind) => Probes[kind];
}
