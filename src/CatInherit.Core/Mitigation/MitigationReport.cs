using CatInherit.Reports;

namespace CatInherit.Mitigation;

/// <summary>The result of <c>catinherit mitigate</c>: the checks on the original models and, per mitigation, on the mitigated ones.</summary>
public sealed class MitigationReport
{
    /// <summary>The report schema id.</summary>
    public const string SchemaId = "catinherit-mitigation/1";

    /// <summary>The policy path as the user named it.</summary>
    public required string Policy { get; init; }

    /// <summary>The bootstrap seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The checks on the original models.</summary>
    public required RunReport Before { get; init; }

    /// <summary>Each mitigation, in policy order.</summary>
    public required IReadOnlyList<MitigationOutcome> Mitigations { get; init; }

    /// <summary>True when every mitigation passed its gate.</summary>
    public bool Passed => Mitigations.All(m => m.Passed);
}
