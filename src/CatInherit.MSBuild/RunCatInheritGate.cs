using System.Runtime.InteropServices;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using Microsoft.Build.Framework;

namespace CatInherit.MSBuild;

/// <summary>
/// Runs the policies and fails the build with one error per failed gate, at the check's line, naming the
/// check, metric, value and threshold. Runs out of process (TaskHostFactory) so ONNX Runtime never loads into
/// the build; its native library is taken from <see cref="NativeSearchDirectory"/> (the project's output).
/// </summary>
public sealed class RunCatInheritGate : Microsoft.Build.Utilities.Task
{
    /// <summary>The policy files.</summary>
    [Required]
    public ITaskItem[] Policies { get; set; } = [];

    /// <summary>Where to write the reports (one sub-folder per policy when several; see <see cref="ReportFolders"/>).</summary>
    public string? ReportDirectory { get; set; }

    /// <summary>
    /// Set after a filtered <c>dotnet test</c>: the folder where the tests recorded which checks ran
    /// (<see cref="RanChecks"/>). Only those checks are gated; a policy none of whose checks ran is not gated.
    /// </summary>
    public string? RanChecksDirectory { get; set; }

    /// <summary>The test filter (<c>VSTestTestCaseFilter</c>), for messages.</summary>
    public string? TestFilter { get; set; }

    /// <summary>Whether a warning fails the gate.</summary>
    public bool FailOnWarning { get; set; }

    /// <summary>The bootstrap seed (<c>CatInheritSeed</c>); empty takes <c>CATINHERIT_SEED</c>, else 0, as the tests do.</summary>
    public string? Seed { get; set; }

    /// <summary>The execution provider (<c>CatInheritProvider</c>); empty takes <c>CATINHERIT_PROVIDER</c>, else each model's own.</summary>
    public string? Provider { get; set; }

    /// <summary>
    /// <c>CatInheritShard</c>: run shard <c>I/N</c> (empty takes <c>CATINHERIT_SHARD</c>): infer this shard's rows and write a
    /// partial file into <see cref="PartialDirectory"/> (a sub-folder per policy when several) instead of gating.
    /// </summary>
    public string? Shard { get; set; }

    /// <summary><c>CatInheritPartialDir</c>: where a shard writes its partial (empty takes <c>CATINHERIT_PARTIAL_DIR</c>).</summary>
    public string? PartialDirectory { get; set; }

    /// <summary>A folder whose runtimes/&lt;rid&gt;/native holds ONNX Runtime (the test project's output).</summary>
    public string? NativeSearchDirectory { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        UseNativeRuntimeFrom(NativeSearchDirectory);
        var settings = new List<Diagnostic>();
        var resolved = RunSettings.Resolve(new RunSettingsRequest { Seed = Seed, SeedSource = "CatInheritSeed", Provider = Provider, ProviderSource = "CatInheritProvider", Shard = Shard, ShardSource = "CatInheritShard", PartialDirectory = PartialDirectory }, settings);
        foreach (var diagnostic in settings)
        {
            MSBuildDiagnostics.Log(Log, diagnostic);
        }

        if (resolved is null)
        {
            return false;
        }

        var folders = ReportFolders.For([.. Policies.Select(p => p.ItemSpec)], ReportDirectory ?? string.Empty);
        var partialFolders = ReportFolders.For([.. Policies.Select(p => p.ItemSpec)], resolved.PartialDirectory ?? string.Empty);
        var ran = RanChecksDirectory is { Length: > 0 } record ? RanChecks.Read(record) : null;
        for (var i = 0; i < Policies.Length; i++)
        {
            var policy = Policies[i];
            var options = resolved;
            if (ran is not null)
            {
                // A filtered test run: gate what ran, and say so, with the way to gate everything.
                var whole = "`dotnet build -t:CatInheritGate` gates the whole policy";
                if (!ran.TryGetValue(Path.GetFullPath(policy.ItemSpec), out var ids))
                {
                    Log.LogMessage(MessageImportance.High, $"CatInherit gate: no check of {policy.ItemSpec} ran under the test filter '{TestFilter}', so none is gated; {whole}.");
                    continue;
                }

                options = options with { Checks = ids };
                Log.LogMessage(MessageImportance.High, $"CatInherit gate: gating the {Numbers.Count(ids.Count, "check")} of {policy.ItemSpec} that ran under the test filter '{TestFilter}' ({string.Join(", ", ids.Order(StringComparer.Ordinal))}); {whole}.");
            }

            var result = PolicyRunner.Run(policy.ItemSpec, options with { PartialDirectory = options.Shard is null ? null : partialFolders[i] });
            foreach (var diagnostic in result.Diagnostics)
            {
                MSBuildDiagnostics.Log(Log, diagnostic);
            }

            if (result.PartialFile is { } partial)
            {
                Log.LogMessage(MessageImportance.High, $"CatInherit: shard {options.Shard} of {policy.ItemSpec} written to {partial}; merge every shard's partial with -t:CatInheritMerge (or catinherit merge) to gate.");
                continue;
            }

            if (result.Report is not { } report)
            {
                continue;
            }

            Gate(report, folders[i]);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Writes the reports into <paramref name="folder"/> (when a report folder is set) and logs one error per failed gate.</summary>
    internal void Gate(RunReport report, string folder)
    {
        if (ReportDirectory is { Length: > 0 } directory)
        {
            ReportWriters.TryWriteAll(report, folder, ReportWriters.All, out var problem);
            if (problem is not null)
            {
                MSBuildDiagnostics.Log(Log, problem);
            }
        }

        foreach (var check in report.Checks)
        {
            var failed = check.Fails(FailOnWarning);
            var l = check.Location;
            var text = ReportText.Terminal($"check '{check.Id}' ({check.Kind}) {JsonReportWriter.StatusName(check.Status)}: {check.Message}");
            if (failed)
            {
                Log.LogError(null, "CAT1001", null, l.File, l.Line, l.Column, 0, 0, text);
            }
            else if (check.Status == CheckStatus.Warn)
            {
                Log.LogWarning(null, "CAT1002", null, l.File, l.Line, l.Column, 0, 0, text);
            }
            else
            {
                Log.LogMessage(MessageImportance.High, $"{l.File}({l.Line},{l.Column}): {text}");
            }
        }
    }

    internal static void UseNativeRuntimeFrom(string? directory)
    {
        if (directory is not { Length: > 0 })
        {
            return;
        }

        var runtime = typeof(Microsoft.ML.OnnxRuntime.OrtEnv).Assembly;
        try
        {
            NativeLibrary.SetDllImportResolver(runtime, (name, assembly, path) =>
            {
                foreach (var candidate in Candidates(directory, name))
                {
                    if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
                    {
                        return handle;
                    }
                }

                return IntPtr.Zero;
            });
        }
        catch (InvalidOperationException)
        {
            // A resolver is already set in this process: the first one wins.
        }
    }

    private static IEnumerable<string> Candidates(string directory, string name)
    {
        var file = OperatingSystem.IsWindows() ? $"{name}.dll" : OperatingSystem.IsMacOS() ? $"lib{name}.dylib" : $"lib{name}.so";
        yield return Path.Combine(directory, file);
        yield return Path.Combine(directory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", file);
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        yield return Path.Combine(directory, "runtimes", $"{os}-{arch}", "native", file);
    }
}
