using CatInherit.Gating;
using CatInherit.Model;
namespace CatInherit.Reports;

/// <summary>The result of running a policy: what every report format is written from.</summary>
public sealed class RunReport
{
    /// <summary>The report schema id.</summary>
    public const string SchemaId = "catinherit-report/1";

    /// <summary>The policy path as the user named it.</summary>
    public required string Policy { get; init; }

    /// <summary>The bootstrap seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The first model that took part, or null when datasets held the predictions.</summary>
    public ModelInfo? Model => Models.Count > 0 ? Models[0] : null;

    /// <summary>Every model that took part, in policy order.</summary>
    public IReadOnlyList<ModelInfo> Models { get; init; } = [];

    /// <summary>Checks in policy order.</summary>
    public required IReadOnlyList<CheckReport> Checks { get; init; }

    /// <summary>True when no check failed or errored (warnings pass unless the caller says otherwise).</summary>
    public bool Passed => !Checks.Any(c => c.Fails());

    /// <summary>Checks that failed or errored.</summary>
    public int FailedCount => Checks.Count(c => c.Fails());

    /// <summary>Counts by status.</summary>
    public int CountOf(CheckStatus status) => Checks.Count(c => c.Status == status);
}
