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
/// Runs a policy by sequencing its <see cref="RunPlan"/>: read the planned datasets, generate the checks' texts,
/// infer (once per distinct input, cached), validate what needs the data and the outputs, then run each check's
/// probe and gate. Input problems are all collected before any check runs.
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

    /// <summary>Runs a loaded policy; datasets named in <paramref name="sources"/> are read from memory.</summary>
    public static RunResult Run(InheritancePolicy policy, RunOptions options, IProgress<RunProgress>? progress = null, DataSources? sources = null) =>
        Run(policy, options, progress, sources, merge: null, correction: null);

    /// <summary>
    /// Runs a loaded policy, whole, as one shard (<see cref="RunOptions.Shard"/>: infer the shard's rows, run the checks
    /// that cannot be split on shard 1, write a partial file), or as the merge of every shard's partial
    /// (<paramref name="merge"/>: no model runs; every other check runs on the gathered outputs exactly as in one run).
    /// <paramref name="correction"/>, when set, is applied to each (dataset, model) pair's predictions before any check
    /// reads them (a mitigation's per-group thresholds, as post-processing).
    /// </summary>
    internal static RunResult Run(InheritancePolicy policy, RunOptions options, IProgress<RunProgress>? progress, DataSources? sources, MergeInput? merge, Func<DatasetSpec, DataTable, PredictionSet, PredictionSet>? correction = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Checks is { } only)
        {
            // A compared check is named by its id as written (every run) or by one run's id.
            policy = policy.WithChecks(c => only.Contains(c.Id) || (c.Comparison is { } compared && only.Contains(compared.Id)));
        }

        var diagnostics = new List<Diagnostic>();
        var plan = RunPlanner.Plan(policy);
        using var hub = new InferenceHub(policy, options) { Merged = merge?.Outputs };

        // 1. Read each planned dataset once; register its rows with each model that computes its outputs (once per pair).
        var tables = new List<LoadedTable>();
        var textModels = new HashSet<(string Check, string Model)>();
        var read = RunPlanner.ReadAll(plan, sources, diagnostics, progress);
        for (var i = 0; i < plan.Datasets.Count; i++)
        {
            var planned = plan.Datasets[i];
            if (read[i] is { } table)
            {
                if (planned.Models.Count == 0)
                {
                    tables.Add(new LoadedTable(planned.Dataset, table, null, null));
                }

                foreach (var model in planned.Models)
                {
                    tables.Add(new LoadedTable(planned.Dataset, table, model, hub.Request(model, planned.Dataset.Name, table, diagnostics)));
                }
            }
        }

        // 2. Register the texts probes generate (twins, word sets, corrupted copies) with the check's model.
        var texts = new Dictionary<(string Check, string Key), string>();
        foreach (var planned in plan.Checks)
        {
            var check = planned.Check;
            var table = tables.FirstOrDefault(t => t.Dataset.Name == check.Dataset);  // the rows; the same for every model
            foreach (var request in RunPlanner.Generate(planned, table?.Table, options.Seed, diagnostics, policy))
            {
                // The loader's rules guarantee a model for every kind that generates texts.
                var model = check.Model ?? throw new InvalidOperationException($"check '{check.Id}' generates texts but has no model.");
                var id = request.Table is { } rows
                    ? hub.Request(model, $"{check.Id}/{request.Key}", rows, diagnostics)
                    : hub.Request(model, $"{check.Id}/{request.Key}", request.Texts, diagnostics, check.Location);
                if (id is not null)
                {
                    texts[(check.Id, request.Key)] = id;
                    textModels.Add((check.Id, model.Name));
                }
            }
        }

        // Checks that ask their model while they run cannot be split: shard 1 runs them whole, with every row of their inputs.
        var whole = policy.Checks.Where(RunsWhole).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var wholeRequests = WholeRequests(policy, whole, tables, texts);

        // 3. Open and check the models that have cache misses, then infer: all before any check runs.
        if (diagnostics.Any(d => d.IsError) || !hub.Resolve(diagnostics, progress, wholeRequests))
        {
            return new RunResult(null, diagnostics);
        }

        // The predictions of each (dataset, model) pair; a dataset with outputs of its own has one, with no model.
        var inputs = new Dictionary<(string Dataset, string? Model), ProbeInput>();
        foreach (var pairs in tables.GroupBy(t => t.Table))
        {
            foreach (var (dataset, table, model, request) in pairs)
            {
                if (model is not null && request is null)
                {
                    continue;
                }

                // A shard holds the outputs of whole requests only: the other datasets are read by the merge, not here.
                if (request is not null && !hub.HasOutputs(request))
                {
                    continue;
                }

                var outputs = request is null ? null : hub.Outputs(request);
                var errors = diagnostics.Count(d => d.IsError);
                var predictions = PredictionSetBuilder.Build(dataset, table, outputs, diagnostics);
                if (correction is not null && predictions is not null)
                {
                    predictions = correction(dataset, table, predictions);
                }

                if (diagnostics.Count(d => d.IsError) == errors)
                {
                    inputs[(dataset.Name, model?.Name)] = new ProbeInput(table, predictions, outputs, model);
                }
            }

            // Every prediction set of this dataset is built: its score columns now live there, once.
            RunPlanner.ReturnMemory(pairs.Key.Release(RunPlanner.ScoreOnlyColumns(plan.Datasets.First(d => d.Dataset.Name == pairs.First().Dataset.Name))));
        }

        // A role's input: its dataset as the check reads it (fed to the model PolicyReferences chose for the check).
        ProbeInput? InputOf(DatasetSpec dataset) =>
            inputs.TryGetValue((dataset.Name, dataset.FeedingModel?.Name), out var input) ? input with { Model = dataset.DeclaredModel } : null;

        ProbeContext ContextOf(CheckSpec check) =>
            new(check.Datasets.GetValueOrDefault("dataset") is { } primary ? InputOf(primary) : null, texts.Where(t => t.Key.Check == check.Id).ToDictionary(t => t.Key.Key, t => hub.Outputs(t.Value), StringComparer.Ordinal), check.Model, StableHash.CheckSeed(options.Seed, check.SeedId))
            {
                Datasets = check.Datasets.Select(r => (r.Key, Input: InputOf(r.Value))).Where(r => r.Input is not null).ToDictionary(r => r.Key, r => r.Input!, StringComparer.Ordinal),
                Policy = policy,
                Query = ProbeRegistry.For(check.Kind).Descriptor.Needs is { } needs && (needs.Queries ?? needs.Attributions) is not null && check.Model is { } queried ? hub.Query(queried, check.Id) : null,
            };

        // A shard runs only what cannot be split (shard 1); a merge runs the rest and takes those from shard 1.
        IReadOnlyList<CheckSpec> running = options.Shard is { } shard ? [.. policy.Checks.Where(c => shard.IsFirst && whole.Contains(c.Id))]
            : merge is not null ? [.. policy.Checks.Where(c => !whole.Contains(c.Id))]
            : policy.Checks;
        foreach (var check in running)
        {
            ProbeRegistry.For(check.Kind).Validate(check, ContextOf(check), diagnostics);
        }

        if (diagnostics.Any(d => d.IsError))
        {
            // A dataset fed to two models reports a problem with its own columns once.
            return new RunResult(null, [.. diagnostics.Distinct()]);
        }

        var reports = new List<CheckReport>();
        for (var i = 0; i < policy.Checks.Count; i++)
        {
            var check = policy.Checks[i];
            if (!running.Contains(check))
            {
                if (merge is not null)
                {
                    reports.Add(merge.WholeChecks[check.Id]);
                }

                continue;
            }

            progress?.Report(new RunProgress("check", check.Id, i, policy.Checks.Count));
            var probe = ProbeRegistry.For(check.Kind);
            ProbeResult result;
            try
            {
                result = probe.Run(check, ContextOf(check));
            }
            catch (InvalidInputException ex)
            {
                // A model asked while a probe runs (an attack's rounds) that cannot open or rejects its input: nothing is reported.
                return new RunResult(null, [.. diagnostics, .. ex.Diagnostics]);
            }

            RequireDeclaredMetrics(probe, result);
            var verdict = GateEvaluator.Evaluate(check, result, options.Baselines);
            reports.Add(Interpretation.Attach(CheckReport.From(check, result, verdict), result) with { Models = ModelsOf(check, tables, textModels, hub.Used) });
        }

        progress?.Report(new RunProgress("check", string.Empty, policy.Checks.Count, policy.Checks.Count));
        if (options.Shard is { } share)
        {
            var partial = new PartialFile
            {
                Version = EngineVersion.Current,
                Policy = policy.FilePath.Replace('\\', '/'),
                PolicySha256 = Fingerprints.Policy(policy),
                Seed = options.Seed,
                Checks = options.Checks is { } selected ? [.. selected.Order(StringComparer.Ordinal)] : null,
                Shard = share,
                Models = hub.Used,
                Data = Fingerprints.Data(plan, sources),
                Outputs = hub.Computed,
                WholeCheckReports = reports,
            };
            return new RunResult(null, diagnostics) { PartialFile = partial.Write(options.PartialDirectory ?? throw new InvalidOperationException("A shard needs a partial folder.")) };
        }

        var report = new RunReport { Policy = policy.FilePath.Replace('\\', '/'), Seed = options.Seed, Models = hub.Used, Checks = reports };
        return new RunResult(report, diagnostics);
    }

    /// <summary>True for a check whose probe asks its model while it runs (an attack's rounds): it cannot be split into shards.</summary>
    internal static bool RunsWhole(CheckSpec check) => ProbeRegistry.For(check.Kind).Descriptor.Needs.Queries is not null;

    /// <summary>The inference requests of the checks that run whole: every dataset they read and every text they generate.</summary>
    private static HashSet<string> WholeRequests(InheritancePolicy policy, HashSet<string> whole, List<LoadedTable> tables, Dictionary<(string Check, string Key), string> texts)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in policy.Checks.Where(c => whole.Contains(c.Id)))
        {
            ids.UnionWith(texts.Where(t => t.Key.Check == check.Id).Select(t => t.Value));
            foreach (var dataset in check.Datasets.Values)
            {
                ids.UnionWith(tables.Where(t => t.Request is not null && t.Dataset.Name == dataset.Name && t.Model == dataset.FeedingModel).Select(t => t.Request!));
            }
        }

        return ids;
    }

    /// <summary>
    /// The models whose outputs a check used: those that ran its datasets for it (not a dataset's declared model when
    /// the dataset held predictions) and those that ran its generated texts. Reports attribute the check to them.
    /// </summary>
    private static List<ModelInfo> ModelsOf(CheckSpec check, List<LoadedTable> tables, HashSet<(string Check, string Model)> textModels, IReadOnlyList<ModelInfo> used)
    {
        var names = check.Datasets.Values.Where(d => d.FeedingModel is { } m && tables.Any(t => t.Request is not null && t.Dataset.Name == d.Name && t.Model == m)).Select(d => d.FeedingModel!.Name)
            .Concat(textModels.Where(t => t.Check == check.Id).Select(t => t.Model))
            .ToHashSet(StringComparer.Ordinal);
        return [.. used.Where(m => names.Contains(m.Name))];
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

    /// <summary>A dataset's rows, and (with <paramref name="Model"/>) their inference request for that model.</summary>
    private sealed record LoadedTable(DatasetSpec Dataset, DataTable Table, ModelSpec? Model, string? Request);
}
