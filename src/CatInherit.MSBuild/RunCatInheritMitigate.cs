using CatInherit.Mitigation;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Settings;
using Microsoft.Build.Framework;

namespace CatInherit.MSBuild;

/// <summary>
/// <c>dotnet build -t:CatInheritMitigate</c>: what <c>catinherit mitigate</c> does, for each policy, with one error per
/// check a mitigation made worse, at the mitigation's line. Out of process, like the gate.
/// </summary>
public sealed class RunCatInheritMitigate : Microsoft.Build.Utilities.Task
{
    /// <summary>The policy files.</summary>
    [Required]
    public ITaskItem[] Policies { get; set; } = [];

    /// <summary>Where the mitigated models and reports go (one sub-folder per policy when several).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Extra report formats, comma-separated (md, junit, html); JSON is always written.</summary>
    public string? Formats { get; set; }

    /// <summary>The bootstrap seed (<c>CatInheritSeed</c>); empty takes <c>CATINHERIT_SEED</c>, else 0.</summary>
    public string? Seed { get; set; }

    /// <summary>The execution provider (<c>CatInheritProvider</c>); empty takes <c>CATINHERIT_PROVIDER</c>, else each model's own.</summary>
    public string? Provider { get; set; }

    /// <summary>A folder whose runtimes/&lt;rid&gt;/native holds ONNX Runtime (the project's output).</summary>
    public string? NativeSearchDirectory { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        RunCatInheritGate.UseNativeRuntimeFrom(NativeSearchDirectory);
        var settings = new List<Diagnostic>();
        var options = RunSettings.Resolve(new RunSettingsRequest { Seed = Seed, SeedSource = "CatInheritSeed", Provider = Provider, ProviderSource = "CatInheritProvider" }, settings);
        settings.ForEach(d => MSBuildDiagnostics.Log(Log, d));
        var writers = new List<IReportWriter>();
        foreach (var name in (Formats ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ReportWriters.Find(name) is { } writer)
            {
                writers.Add(writer);
            }
            else
            {
                MSBuildDiagnostics.Log(Log, Diagnostic.Error(DiagnosticCodes.InvalidOption, default, $"CatInheritMitigateFormats: unknown format '{name}'; available: {string.Join(", ", ReportWriters.All.Select(w => w.Format))}"));
                return false;
            }
        }

        if (options is null)
        {
            return false;
        }

        var folders = ReportFolders.For([.. Policies.Select(p => p.ItemSpec)], OutputDirectory);
        var ok = true;
        for (var i = 0; i < Policies.Length; i++)
        {
            var result = Mitigator.Run(Policies[i].ItemSpec, folders[i], options, writers);
            foreach (var diagnostic in result.Diagnostics)
            {
                MSBuildDiagnostics.Log(Log, diagnostic);
            }

            if (result.Report is not { } report)
            {
                ok = false;
                continue;
            }

            foreach (var mitigation in report.Mitigations)
            {
                Log.LogMessage(MessageImportance.High, $"CatInherit mitigate: '{mitigation.Id}' ({mitigation.Method}) {(mitigation.Passed ? "passed" : "failed")}; {mitigation.After.Summary} after; wrote {string.Join(", ", mitigation.Files)} into {folders[i]}");
                foreach (var worse in mitigation.Comparisons.Where(c => c.Worse is not null))
                {
                    MSBuildDiagnostics.Log(Log, Diagnostic.Error(DiagnosticCodes.MitigationWorse, mitigation.Location, $"mitigation '{mitigation.Id}' made check '{worse.Id}' worse: {worse.Worse}"));
                    ok = false;
                }
            }
        }

        return ok;
    }
}
