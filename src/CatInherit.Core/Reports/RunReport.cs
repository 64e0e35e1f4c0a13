using CatInherit.Gating;
using CatInherit.Model;
namespace CatInherit.Reports;

/// <summary>The result of running a policy: what every report format is written from.</summary>
public sealed class RunReport
{
    /// <summary>The report schema id.</summary>
    public const string SchemaId = "catinherit-report/1";

    /// <summary>The CatInherit version that produced the report (<see cref="EngineVersion.Current"/>).</summary>
    public string CatInheritVersion { get; init; } = EngineVersion.Current;

    /// <summary>The policy path as the user named it.</summary>
    public required string Policy { get; init; }

    /// <summary>The bootstrap seed.</summary>
    public required int Seed { get; init; }

    /// <summary>
    /// The model, when exactly one took part; null when the datasets held the predictions or when several
    /// models took part (then <see cref="Models"/> lists them and each check names its own).
    /// </summary>
    public ModelInfo? Model => Models.Count == 1 ? Models[0] : null;

    /// <summary>Every model that took part, in policy order.</summary>
    public IReadOnlyList<ModelInfo> Models { get; init; } = [];

    /// <summary>How many shards were merged into this report (<c>catinherit merge</c>); null for a run in one piece.</summary>
    public int? Shards { get; init; }

    /// <summary>Checks in policy order.</summary>
    public required IReadOnlyList<CheckReport> Checks { get; init; }

    /// <summary>The checks written with <c>compare:</c>, each with its runs side by side (empty when there are none).</summary>
    public IReadOnlyList<ComparedCheck> Compared => Comparisons.Of(Checks);

    /// <summary>Per catastrophe, how each compared model fares and which passes on less (empty without compared checks).</summary>
    public IReadOnlyList<CatastropheComparison> ComparisonSummary => Comparisons.Summary(Compared);

    /// <summary>True when no check failed or errored (warnings pass unless the caller says otherwise).</summary>
    public bool Passed => !Checks.Any(c => c.Fails());

    /// <summary>Checks that failed or errored.</summary>
    public int FailedCount => Checks.Count(c => c.Fails());

    /// <summary>Counts by status.</summary>
    public int CountOf(CheckStatus status) => Checks.Count(c => c.Status == status);

    /// <summary>
    /// <c>N passed, N failed, N warned</c>, plus <c>N reported (no gate)</c> when some checks have no gate:
    /// the counts every human-readable format shows.
    /// </summary>
    public string Summary =>
        $"{CountOf(CheckStatus.Pass)} passed, {FailedCount} failed, {CountOf(CheckStatus.Warn)} warned"
        + (CountOf(CheckStatus.Reported) is var reported and > 0 ? $", {reported} reported (no gate)" : string.Empty);
}
