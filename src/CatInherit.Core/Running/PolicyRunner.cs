using CatInherit.Data;
using CatInherit.Gating;
using CatInherit.Model;
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
        var used = policy.Datasets.Where(d => policy.Checks.Any(c => c.Dataset == d.Name)).ToList();
        using var model = policy.Model is { } spec && used.Any(NeedsModel)
            ? ModelSession.Open(spec, options.Provider, options.CacheDirectory, options.UseCache, diagnostics)
            : null;
        if (diagnostics.Any(d => d.IsError))
        {
            return new RunResult(null, diagnostics);
        }

        var inputs = LoadDatasets(policy, used, model, options.Seed, diagnostics, progress);
        foreach (var check in policy.Checks)
        {
            if (inputs.GetValueOrDefault(check.Dataset ?? string.Empty) is { } data)
            {
                ProbeRegistry.For(check.Kind).Validate(check, data, diagnostics);
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
            reports.Add(GateEvaluator.Evaluate(check, ProbeRegistry.For(check.Kind).Run(check, inputs[check.Dataset!])));
        }

        progress?.Report(new RunProgress("check", string.Empty, policy.Checks.Count, policy.Checks.Count));
        var report = new RunReport { Policy = policy.FilePath.Replace('\\', '/'), Seed = options.Seed, Model = model?.Info, Checks = reports };
        return new RunResult(report, diagnostics);
    }

    /// <summary>A dataset without its own predictions or scores is fed to the model.</summary>
    private static bool NeedsModel(DatasetSpec dataset) => dataset.Prediction is null && dataset.Scores.Count == 0;

    private static Dictionary<string, ProbeInput> LoadDatasets(InheritancePolicy policy, List<DatasetSpec> used, ModelSession? model, int seed, List<Diagnostic> diagnostics, IProgress<RunProgress>? progress)
    {
        // Read every table and prepare every model request first, so the model is opened and checked
        // (when anything misses the cache) before any inference runs.
        var tables = new List<(DatasetSpec Dataset, DataTable Table, InferenceRequest? Request)>();
        for (var i = 0; i < used.Count; i++)
        {
            var dataset = used[i];
            progress?.Report(new RunProgress("load", dataset.Name, i, used.Count));
            var fed = model is not null && NeedsModel(dataset);
            var requests = PredictionSetBuilder.Columns(dataset)
                .Concat(fed ? ModelSession.Columns(policy.Model!) : [])
                .Concat(policy.Checks.Where(c => c.Dataset == dataset.Name).SelectMany(c => ProbeRegistry.For(c.Kind).Columns(c)))
                .ToList();
            var table = TableReader.Read(dataset.Path, DataPath(policy, dataset), requests, diagnostics);
            if (table is null)
            {
                continue;
            }

            if (dataset.Values.GetInt("sample") is { } sample && sample < table.RowCount)
            {
                table = table.Select(RowSample.Choose(table.RowCount, sample, dataset.Name));
            }

            tables.Add((dataset, table, fed ? model!.Prepare(dataset.Name, table) : null));
        }

        var inputs = new Dictionary<string, ProbeInput>(StringComparer.Ordinal);
        if (diagnostics.Any(d => d.IsError) || (tables.Any(t => t.Request is { Cached: null }) && !model!.EnsureOpen(diagnostics)))
        {
            return inputs;
        }

        foreach (var (dataset, table, request) in tables)
        {
            var outputs = request is null ? null : model!.Infer(request, progress);
            var errors = diagnostics.Count(d => d.IsError);
            var predictions = PredictionSetBuilder.Build(dataset, table, outputs, diagnostics);
            if (diagnostics.Count(d => d.IsError) == errors)
            {
                inputs[dataset.Name] = new ProbeInput(table, predictions, outputs, seed);
            }
        }

        return inputs;
    }

    /// <summary>The data file as the user can open it: relative to the working folder when the policy path was relative.</summary>
    private static string DataPath(InheritancePolicy policy, DatasetSpec dataset) =>
        (Path.IsPathRooted(policy.FilePath) ? dataset.Path : Path.GetRelativePath(Directory.GetCurrentDirectory(), dataset.Path)).Replace('\\', '/');
}
