using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.Running;

/// <summary>A report, or the diagnostics that stopped the run before any check ran.</summary>
/// <param name="Report">Null when input was invalid.</param>
/// <param name="Diagnostics">Errors (when Report is null) and warnings.</param>
public sealed record RunResult(RunReport? Report, IReadOnlyList<Diagnostic> Diagnostics);
