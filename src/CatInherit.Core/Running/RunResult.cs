using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.Running;

/// <summary>A report, or the diagnostics that stopped the run before any check ran.</summary>
/// <param name="Report">Null when input was invalid.</param>
/// <param name="Diagnostics">Errors (when Report is null) and warnings.</param>
public sealed record RunResult(RunReport? Report, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// The partial file a shard wrote (<see cref="Settings.RunOptions.Shard"/>); a shard has no report of its own:
    /// <c>catinherit merge</c> makes the report from every shard's partial.
    /// </summary>
    public string? PartialFile { get; init; }
}
