namespace CatInherit.Policy.Schema;

/// <summary>
/// Where a check kind sits in the seed's taxonomy: the catastrophe it looks for and its pillar. The side of a check
/// (foundation or downstream) follows from its model's output kind — an embedding is a foundation's, class scores a
/// downstream model's — unless the kind fixes it here.
/// </summary>
/// <param name="Catastrophe">The catastrophe a check of this kind looks for.</param>
/// <param name="Pillar">Understand, interpret or mitigate.</param>
public sealed record KindTaxonomy(Catastrophe Catastrophe, Pillar Pillar)
{
    /// <summary>The side every check of this kind is on; null to derive it from the check's model.</summary>
    public ModelSide? Side { get; init; }

    /// <summary>
    /// A different catastrophe for some checks of the kind, from their keys (e.g. an association test between identity
    /// terms and offensive words is value misalignment, not bias); null keeps <see cref="Catastrophe"/>.
    /// </summary>
    internal Func<SpecValues, Catastrophe?>? Refine { get; init; }

    /// <summary>The catastrophe of one check.</summary>
    internal Catastrophe For(SpecValues values) => Refine?.Invoke(values) ?? Catastrophe;

    /// <summary>The side of one check whose model outputs <paramref name="output"/> (null without a model: its datasets' predictions).</summary>
    public ModelSide SideOf(OutputKind? output) => Side ?? (output == OutputKind.Embedding ? ModelSide.Foundation : ModelSide.Downstream);

    /// <summary>The name reports use for a catastrophe: <c>bias</c>, <c>lack_of_generalisation</c>...</summary>
    public static string NameOf(Catastrophe catastrophe) => catastrophe switch
    {
        Catastrophe.Bias => "bias",
        Catastrophe.LackOfGeneralisation => "lack_of_generalisation",
        Catastrophe.DegradedPerformance => "degraded_performance",
        Catastrophe.SecurityVulnerability => "security_vulnerability",
        Catastrophe.PrivacyLeakage => "privacy_leakage",
        _ => "value_misalignment",
    };

    /// <summary>The words reports show for a catastrophe: <c>lack of generalisation</c>.</summary>
    public static string TitleOf(Catastrophe catastrophe) => NameOf(catastrophe).Replace('_', ' ');

    /// <summary>The name reports use for a pillar.</summary>
    public static string NameOf(Pillar pillar) => pillar switch
    {
        Pillar.Understand => "understand",
        Pillar.Interpret => "interpret",
        _ => "mitigate",
    };

    /// <summary>The name reports use for a side.</summary>
    public static string NameOf(ModelSide side) => side == ModelSide.Foundation ? "foundation" : "downstream";
}
