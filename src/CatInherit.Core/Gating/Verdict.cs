namespace CatInherit.Gating;

/// <summary>What the gate (and the baseline, when declared) decided about one check.</summary>
/// <param name="Status">Pass, fail, warn or error.</param>
/// <param name="Message">One line that explains the status: metric, value, interval, threshold, n.</param>
/// <param name="Gate">The gate and its value, when the check has a gate.</param>
/// <param name="Warnings">Notes from gating itself (e.g. a baseline written for approval), after the probe's own.</param>
public sealed record Verdict(CheckStatus Status, string Message, GateResult? Gate, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Whether a status stops a release: a failed gate or an undefined gated metric always does, a warning
    /// only when <paramref name="failOnWarning"/>. The one place this rule is decided.
    /// </summary>
    public static bool Fails(CheckStatus status, bool failOnWarning = false) =>
        status is CheckStatus.Fail or CheckStatus.Error || (failOnWarning && status == CheckStatus.Warn);
}
