using CatInherit.Policy;
using CatInherit.Running;
using CatInherit.Settings;
using Microsoft.Build.Framework;

namespace CatInherit.MSBuild;

/// <summary>
/// <c>-t:CatInheritMerge</c>: merges the partial files of a sharded run (<c>CatInheritShard=I/N</c>) into one report and
/// gates on it like <see cref="RunCatInheritGate"/>: one error per failed gate, at the check's line. Out of process.
/// </summary>
public sealed class MergeCatInheritPartials : Microsoft.Build.Utilities.Task
{
    /// <summary>The folders holding the shards' partial files (searched with their sub-folders).</summary>
    [Required]
    public ITaskItem[] PartialDirectories { get; set; } = [];

    /// <summary>Where to write the merged reports.</summary>
    public string? ReportDirectory { get; set; }

    /// <summary>Whether a warning fails the gate.</summary>
    public bool FailOnWarning { get; set; }

    /// <summary>A folder whose runtimes/&lt;rid&gt;/native holds ONNX Runtime (the project's output).</summary>
    public string? NativeSearchDirectory { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var gate = new RunCatInheritGate { BuildEngine = BuildEngine, ReportDirectory = ReportDirectory, FailOnWarning = FailOnWarning, NativeSearchDirectory = NativeSearchDirectory };
        RunCatInheritGate.UseNativeRuntimeFrom(NativeSearchDirectory);
        var settings = new List<Diagnostic>();
        if (RunSettings.Resolve(new RunSettingsRequest(), settings) is not { } options)
        {
            settings.ForEach(d => MSBuildDiagnostics.Log(Log, d));
            return false;
        }

        var result = ShardMerge.Merge([.. PartialDirectories.Select(d => d.ItemSpec)], options with { Shard = null, PartialDirectory = null });
        foreach (var diagnostic in result.Diagnostics)
        {
            MSBuildDiagnostics.Log(Log, diagnostic);
        }

        if (result.Report is { } report)
        {
            gate.Gate(report, ReportDirectory ?? string.Empty);
        }

        return !Log.HasLoggedErrors;
    }
}
