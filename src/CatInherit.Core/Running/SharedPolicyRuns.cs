using System.Collections.Concurrent;
using CatInherit.Gating;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Settings;

namespace CatInherit.Running;

/// <summary>
/// One run per policy file per process, shared by every test that reports one of its checks: test
/// adapters show each check as its own test while the policy (and its models) run once, thread-safely.
/// </summary>
public static class SharedPolicyRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<RunResult>> Runs = new(StringComparer.Ordinal);

    /// <summary>The run of the policy at <paramref name="path"/> (started on first request).</summary>
    public static RunResult Get(string path) =>
        Runs.GetOrAdd(Path.GetFullPath(path), full => new Lazy<RunResult>(() => RunWithEnvironment(full), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// The outcome of one check for a test adapter, and a record that its test ran (see <see cref="RanChecks"/>).
    /// </summary>
    /// <param name="path">The resolved policy file.</param>
    /// <param name="checkId">The check's id.</param>
    /// <param name="assemblyDirectory">The test assembly's folder, where a gated, filtered run records what ran.</param>
    public static TestVerdict Verdict(string path, string checkId, string? assemblyDirectory = null)
    {
        RanChecks.Record(assemblyDirectory, path, checkId);
        var result = Get(path);
        if (result.PartialFile is { } partial)
        {
            // CATINHERIT_SHARD: this test run computed one shard; 'catinherit merge' (or -t:CatInheritMerge) decides every check.
            return new(true, $"shard {Path.GetFileName(partial)}: this run computed its share of the policy's rows into {partial}; the check is decided when every shard's partial is merged", []);
        }

        if (result.Report is not { } report)
        {
            return new(false, "The policy did not run:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics), []);
        }

        var check = report.Checks.FirstOrDefault(c => c.Id == checkId);
        if (check is null)
        {
            return new(false, $"The policy has no check '{checkId}'. Its checks: {string.Join(", ", report.Checks.Select(c => c.Id))}", []);
        }

        var warnings = new List<string>();
        if (check.Status == CheckStatus.Warn)
        {
            warnings.Add($"{check.DisplayName}: warn — {check.Message}");
        }
        else if (check.Status == CheckStatus.Reported)
        {
            warnings.Add($"{check.DisplayName}: no gate — its metrics are reported only and it can never fail; add 'gate: {{ metric: ..., max: ... }}' to make it a check");
        }

        warnings.AddRange(check.Warnings.Select(w => $"{check.DisplayName}: {w}"));
        return new(!check.Fails(), TestMessages.Describe(check), warnings);
    }

    /// <summary>
    /// A test run takes its settings from the environment only (<c>CATINHERIT_SEED</c>, <c>CATINHERIT_PROVIDER</c>...),
    /// through the same resolver as the MSBuild gate, so <c>CATINHERIT_SEED=7 dotnet test -p:CatInheritGate=true</c>
    /// runs the tests and the gate with one seed. An invalid value fails every check of the policy with its diagnostic.
    /// </summary>
    private static RunResult RunWithEnvironment(string path)
    {
        var diagnostics = new List<Diagnostic>();
        return RunSettings.Resolve(new RunSettingsRequest(), diagnostics) is { } options
            ? PolicyRunner.Run(path, options)
            : new RunResult(null, diagnostics);
    }
}
