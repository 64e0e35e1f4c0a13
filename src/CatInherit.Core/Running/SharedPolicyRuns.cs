using System.Collections.Concurrent;
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

    /// <summary>The outcome of one check for a test adapter: passed, and the message a failure shows.</summary>
    public static (bool Passed, string Message) Verdict(string path, string checkId)
    {
        var result = Get(path);
        if (result.Report is not { } report)
        {
            return (false, "The policy did not run:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        var check = report.Checks.FirstOrDefault(c => c.Id == checkId);
        return check is null
            ? (false, $"The policy has no check '{checkId}'. Its checks: {string.Join(", ", report.Checks.Select(c => c.Id))}")
            : (!check.Fails(), TestMessages.Describe(check, report));
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
