using CatInherit.Reports;

namespace CatInherit.Mitigation;

/// <summary>One mitigation: what it fitted, the files it wrote, the policy's checks on the mitigated model, and its own gate.</summary>
public sealed record MitigationOutcome
{
    /// <summary>The mitigation's id.</summary>
    public required string Id { get; init; }

    /// <summary>Where the mitigation is declared in the policy.</summary>
    public required Policy.SourceLocation Location { get; init; }

    /// <summary>The method.</summary>
    public required string Method { get; init; }

    /// <summary>The fit dataset; null for a projection (fitted on word pairs).</summary>
    public string? FitDataset { get; init; }

    /// <summary>The fit of each edited model.</summary>
    public required IReadOnlyList<FitSummary> Fits { get; init; }

    /// <summary>The files written (models, thresholds), relative to the output folder.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The checks run on the mitigated model(s).</summary>
    public required RunReport After { get; init; }

    /// <summary>Each check before and after.</summary>
    public required IReadOnlyList<CheckComparison> Comparisons { get; init; }

    /// <summary>For abstention: each dataset's abstention rate and accuracies.</summary>
    public IReadOnlyList<AbstentionRow> Abstention { get; init; } = [];

    /// <summary>True when no gated check, and no group of one, got worse beyond its interval.</summary>
    public bool Passed => Comparisons.All(c => c.Worse is null);
}
