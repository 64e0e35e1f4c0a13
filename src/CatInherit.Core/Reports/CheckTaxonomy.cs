using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes;

namespace CatInherit.Reports;

/// <summary>Where one check sits in the seed's taxonomy: the catastrophe it looks for, its pillar, and the model it looks at.</summary>
/// <param name="Catastrophe">Bias, lack of generalisation, degraded performance, security vulnerability, privacy leakage or value misalignment.</param>
/// <param name="Pillar">Understand, interpret or mitigate.</param>
/// <param name="Side">The foundation model (its model outputs embeddings) or the downstream model (class scores or predictions).</param>
public sealed record CheckTaxonomy(Catastrophe Catastrophe, Pillar Pillar, ModelSide Side)
{
    /// <summary>A check's place, from its kind's <see cref="CheckKindDescriptor.Taxonomy"/> and its model's output kind; null for a kind without one.</summary>
    internal static CheckTaxonomy? Of(CheckSpec check) =>
        CheckKinds.Catalog.Find(check.Kind)?.Taxonomy is { } kind ? new(kind.For(check.Values), kind.Pillar, kind.SideOf(check.Model?.OutputKind)) : null;

    /// <summary>A kind's place when nothing else is known about the check (a downstream model unless the kind fixes its side).</summary>
    public static CheckTaxonomy? Of(string kind) =>
        CheckKinds.Catalog.Find(kind)?.Taxonomy is { } taxonomy ? new(taxonomy.Catastrophe, taxonomy.Pillar, taxonomy.Side ?? ModelSide.Downstream) : null;
}
