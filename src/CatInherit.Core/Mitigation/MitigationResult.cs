using CatInherit.Policy;

namespace CatInherit.Mitigation;

/// <summary>A mitigation report and the files written, or the diagnostics that stopped it before anything was written.</summary>
/// <param name="Report">Null when the input was invalid or a fit failed.</param>
/// <param name="Files">Every file written (models, thresholds, reports), in writing order.</param>
/// <param name="Diagnostics">Errors (when Report is null) and warnings.</param>
public sealed record MitigationResult(MitigationReport? Report, IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics);
