using CatInherit.Data;
using CatInherit.Gating;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Reports;

namespace CatInherit.Running;

/// <summary>
/// Runs a policy: reads each dataset once with every column any check needs, validates what needs
/// the data, then runs each check's probe and gate. Input problems are all collected before any check runs.
/// </summary>
public static class PolicyRunner
{
    /// <summary>Loads and runs the policy at <paramref name="path"/>.</summary>
    public static RunResult Run(string path, RunOptions options, IProgress<RunProgress>? progress = null)
    {
        var loaded = PolicyLoader.Load(path);
        return loaded.Policy is null ? new RunResult(null, loaded.Diagnostics) : Run(loaded.Policy, options, progress);
    }

    /// <summary>Runs a loaded policy.</summary>
    public static RunResult Run(InheritancePolicy policy, RunOptions options, IProgress<RunProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<Diagnostic>();
        var inputs = LoadDatasets(policy, diagnostics, progress);
        foreach (var check in policy.Checks)
        {
            if (inputs.GetValueOrDefault(check.Dataset ?? string.Empty) is { } data)
            {
                ProbeRegistry.For(check.Kind).Validate(check, data with { Seed = options.Seed }, diagnostics);
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return new RunResult(null, diagnostics);
        }

        var reports = new List<CheckReport>();
        for (var i = 0; i < policy.Checks.Count; i++)
        {
            var check = policy.Checks[i];
            progress?.Report(new RunProgress("check", check.Id, i, policy.Checks.Count));
            var input = inputs[check.Dataset!] with { Seed = options.Seed };
            reports.Add(GateEvaluator.Evaluate(check, ProbeRegistry.For(check.Kind).Run(check, input)));
        }

        progress?.Report(new RunProgress("check", string.Empty, policy.Checks.Count, policy.Checks.Count));
        var report = new RunReport { Policy = policy.FilePath.Replace('\\', '/'), Seed = options.Seed, Checks = reports };
        return new RunResult(report, diagnostics);
    }

    private static Dictionary<string, ProbeInput> LoadDatasets(InheritancePolicy policy, List<Diagnostic> diagnostics, IProgress<RunProgress>? progress)
    {
        var used = policy.Datasets.Where(d => policy.Checks.Any(c => c.Dataset == d.Name)).ToList();
        var inputs = new Dictionary<string, ProbeInput>(StringComparer.Ordinal);
        for (var i = 0; i < used.Count; i++)
        {
            var dataset = used[i];
            progress?.Report(new RunProgress("load", dataset.Name, i, used.Count));
            var requests = PredictionSetBuilder.Columns(dataset)
                .Concat(policy.Checks.Where(c => c.Dataset == dataset.Name).SelectMany(c => ProbeRegistry.For(c.Kind).Columns(c)))
                .ToList();
            var displayPath = DataPath(policy, dataset);
            var table = TableReader.Read(dataset.Path, displayPath, requests, diagnostics);
            if (table is not null && PredictionSetBuilder.Build(dataset, table, diagnostics) is { } predictions)
            {
                inputs[dataset.Name] = new ProbeInput(table, predictions, 0);
            }
        }

        return inputs;
    }

    /// <summary>The data file as the user can open it: relative to the working folder when the policy path was relative.</summary>
    private static string DataPath(InheritancePolicy policy, DatasetSpec dataset) =>
        (Path.IsPathRooted(policy.FilePath) ? dataset.Path : Path.GetRelativePath(Directory.GetCurrentDirectory(), dataset.Path)).Replace('\\', '/');
}
