using CatInherit.Data;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Progress;
using CatInherit.Reports;
using CatInherit.Settings;

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
        var loaded = CheckKinds.Load(path);
        if (loaded.Policy is null)
        {
            return new RunResult(null, loaded.Diagnostics);
        }

        // The loader's warnings (e.g. a check without a gate) belong to the run's diagnostics too.
        var result = Run(loaded.Policy, options, progress);
        return result with { Diagnostics = [.. loaded.Diagnostics, .. result.Diagnostics] };
    }

    /// <summary>Runs a loaded policy.</summary>
    public static RunResult Run(InheritancePolicy policy, RunOptions options, IProgress<RunProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<Diagnostic>();
        using var hub = new InferenceHub(policy, options);

        // 1. Read each dataset once, with every column any check needs; register model inputs.
        var tables = ReadDatasets(policy, hub, diagnostics, progress);

        // 2. Register the texts probes generate (twins, word lists).
        var texts = new Dictionary<(string Check, string Key), string>();
        foreach (var check in policy.Checks)
        {
            var table = tables.FirstOrDefault(t => t.Dataset.Name == check.Dataset);
            var generation = new TextContext(table?.Table, check.Model, StableHash.CheckSeed(options.Seed, check.Id), StableHash.CheckSeed(0, check.Id));
            foreach (var request in ProbeRegistry.For(check.Kind).Texts(check, generation, diagnostics))
            {
                if (check.Model is not { } model)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownModel, check.Values.LocationOf("model"), policy.Models.Count == 0
                        ? $"check '{check.Id}' runs texts through a model, but the policy declares none"
                        : $"check '{check.Id}' needs to know which model to run: add 'model: <name>' ({string.Join(", ", policy.Models.Select(m => m.Name))})"));
                    continue;
                }

                var id = request.Table is { } rows
                    ? hub.Request(model, $"{check.Id}/{request.Key}", rows, diagnostics)
                    : hub.Request(model, $"{check.Id}/{request.Key}", request.Texts, diagnostics, check.Location);
                if (id is not null)
                {
                    texts[(check.Id, request.Key)] = id;
                }
            }
        }

        // 3. Open and check the models that have cache misses, then infer: all before any check runs.
        if (diagnostics.Any(d => d.IsError) || !hub.Resolve(diagnostics, progress))
        {
            return new RunResult(null, diagnostics);
        }

        var inputs = new Dictionary<string, ProbeInput>(StringComparer.Ordinal);
        foreach (var (dataset, table, model, request) in tables)
        {
            var outputs = request is null ? null : hub.Outputs(request);
            var errors = diagnostics.Count(d => d.IsError);
            var predictions = PredictionSetBuilder.Build(dataset, table, outputs, diagnostics);
            if (diagnostics.Count(d => d.IsError) == errors)
            {
                inputs[dataset.Name] = new ProbeInput(table, predictions, outputs, dataset.DeclaredModel);
            }
        }

        ProbeContext ContextOf(CheckSpec check) =>
            new(inputs.GetValueOrDefault(check.Dataset ?? string.Empty), texts.Where(t => t.Key.Check == check.Id).ToDictionary(t => t.Key.Key, t => hub.Outputs(t.Value), StringComparer.Ordinal), check.Model, StableHash.CheckSeed(options.Seed, check.Id))
            {
                Datasets = check.DatasetRefs.Where(r => inputs.ContainsKey(r.Value)).ToDictionary(r => r.Key, r => inputs[r.Value], StringComparer.Ordinal),
                Policy = policy,
            };

        foreach (var check in policy.Checks)
        {
            ProbeRegistry.For(check.Kind).Validate(check, ContextOf(check), diagnostics);
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
            var probe = ProbeRegistry.For(check.Kind);
            var result = probe.Run(check, ContextOf(check));
            RequireDeclaredMetrics(probe, result);
            reports.Add(CheckReport.From(check, result, GateEvaluator.Evaluate(check, result, options.Baselines)));
        }

        progress?.Report(new RunProgress("check", string.Empty, policy.Checks.Count, policy.Checks.Count));
        var report = new RunReport { Policy = policy.FilePath.Replace('\\', '/'), Seed = options.Seed, Models = hub.Used, Checks = reports };
        return new RunResult(report, diagnostics);
    }

    /// <summary>A probe reports exactly its descriptor's summary metrics, in order: drift between the two is a bug, caught by any run.</summary>
    private static void RequireDeclaredMetrics(IProbe probe, ProbeResult result)
    {
        var declared = probe.Descriptor.ReportedMetrics;
        if (!result.Metrics.Select(m => m.Key).SequenceEqual(declared))
        {
            throw new InvalidOperationException($"The {probe.Descriptor.Name} probe reported [{string.Join(", ", result.Metrics.Select(m => m.Key))}] but its descriptor declares [{string.Join(", ", declared)}].");
        }
    }

    private sealed record LoadedTable(DatasetSpec Dataset, DataTable Table, ModelSpec? Model, string? Request);

    private static List<LoadedTable> ReadDatasets(InheritancePolicy policy, InferenceHub hub, List<Diagnostic> diagnostics, IProgress<RunProgress>? progress)
    {
        var used = policy.Datasets.Where(d => policy.Checks.Any(c => c.DatasetRefs.Values.Contains(d.Name))).ToList();
        var tables = new List<LoadedTable>();
        for (var i = 0; i < used.Count; i++)
        {
            var dataset = used[i];
            progress?.Report(new RunProgress("load", dataset.Name, i, used.Count));
            var model = dataset.FeedingModel;
            var filters = dataset.Values.Child("where");
            var requests = PredictionSetBuilder.Columns(dataset)
                .Concat(filters.Names.Select(column => new ColumnRequest(column, ColumnKind.Text, filters.LocationOf(column), "filter")))
                .Concat(model is null ? [] : ModelSession.Columns(model))
                .Concat(policy.Checks.Where(c => c.Dataset == dataset.Name).SelectMany(c => ProbeRegistry.For(c.Kind).Columns(c, c.Model)))
                .ToList();
            var table = TableReader.Read(dataset.Path, DataPath(policy, dataset), requests, diagnostics);
            if (table is null)
            {
                continue;
            }

            if (filters.Names.Count > 0)
            {
                var kept = Enumerable.Range(0, table.RowCount)
                    .Where(row => filters.Names.All(column => filters.GetStrings(column).Contains(table.Column<TextColumn>(column).Values[row].Trim(), StringComparer.Ordinal)))
                    .ToArray();
                if (kept.Length == 0)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyData, dataset.Values.LocationOf("where"), $"dataset '{dataset.Name}': no row of {dataset.DisplayPath} matches 'where'"));
                    continue;
                }

                table = table.Select(kept);
            }

            if (dataset.Values.GetInt("sample") is { } sample && sample < table.RowCount)
            {
                table = table.Select(RowSample.Choose(table.RowCount, sample, dataset.Name));
            }

            var request = model is null ? null : hub.Request(model, dataset.Name, table, diagnostics);
            tables.Add(new LoadedTable(dataset, table, model, request));
        }

        return tables;
    }

    /// <summary>The data file as the user can open it: relative to the working folder when the policy path was relative.</summary>
    private static string DataPath(InheritancePolicy policy, DatasetSpec dataset) =>
        (Path.IsPathRooted(policy.FilePath) ? dataset.Path : Path.GetRelativePath(Directory.GetCurrentDirectory(), dataset.Path)).Replace('\\', '/');
}
