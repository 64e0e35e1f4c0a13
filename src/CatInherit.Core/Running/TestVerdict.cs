namespace CatInherit.Running;

/// <summary>What a test adapter shows for one check.</summary>
/// <param name="Passed">False when the check fails the run (a failed gate, an undefined gated metric, a policy that did not run).</param>
/// <param name="Output">The check's full description: status line, gate, metrics, groups, details and models.</param>
/// <param name="Warnings">
/// What must be visible in a test run's summary even though the test passes: a <c>warn</c> status, a check
/// without a gate, and the check's warnings (a baseline written for approval, skipped rows, ...).
/// </param>
public sealed record TestVerdict(bool Passed, string Output, IReadOnlyList<string> Warnings);
