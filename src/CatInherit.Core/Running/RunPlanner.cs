using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Progress;

namespace CatInherit.Running;

/// <summary>
/// Owns the plan of a run: which datasets to read with which columns (<see cref="Plan"/>), how they are read
/// and filtered (<see cref="Read"/>), and which texts each check generates for its model (<see cref="Generate"/>).
/// <see cref="PolicyRunner"/> only sequences these steps around inference; <see cref="PolicyValidator"/> checks
/// the same plan against the files' headers and the models' signatures without running anything.
/// </summary>
internal static class RunPlanner
{
    /// <summary>Released arrays worth a collection between steps (bytes).</summary>
    private const long LargeHeap = 128L << 20;

    /// <summary>The plan of a loaded policy; reads nothing.</summary>
    public static RunPlan Plan(InheritancePolicy policy)
    {
        var checks = policy.Checks.Select(c => new CheckPlan(c, ProbeRegistry.For(c.Kind))).ToList();
        var datasets = new List<DatasetPlan>();
        foreach (var dataset in policy.Datasets.Where(d => policy.Checks.Any(c => c.DatasetRefs.Values.Contains(d.Name))))
        {
            // Every model some check feeds the dataset to (PolicyReferences.Bind decided which), in policy order.
            var feeding = policy.Checks.SelectMany(c => c.Datasets.Values).Where(d => d.Name == dataset.Name).Select(d => d.FeedingModel).OfType<ModelSpec>().ToHashSet();
            var models = policy.Models.Where(feeding.Contains).ToList();
            var columns = Columns(dataset, models, checks.Where(c => c.Check.Dataset == dataset.Name).SelectMany(c => c.Probe.Columns(c.Check, c.Check.Model)));
            datasets.Add(new DatasetPlan(dataset, columns, models));
        }

        return new RunPlan(policy, datasets, checks);
    }

    /// <summary>
    /// The columns to read from a dataset's file: its labels and outputs, its 'where' filters, what each of
    /// <paramref name="models"/> reads, and <paramref name="extra"/> (what its checks or a fit need).
    /// </summary>
    internal static List<ColumnRequest> Columns(DatasetSpec dataset, IEnumerable<ModelSpec> models, IEnumerable<ColumnRequest> extra)
    {
        var filters = dataset.Values.Child("where");
        return [.. PredictionSetBuilder.Columns(dataset)
            .Concat(filters.Names.Select(column => new ColumnRequest(column, ColumnKind.Text, filters.LocationOf(column), "filter")))
            .Concat(models.SelectMany(ModelSession.Columns))
            .Concat(extra)];
    }

    /// <summary>
    /// The columns of a planned dataset that only its scores read: once its prediction sets are built they hold the values
    /// (as probabilities or logits), and nothing reads the columns again.
    /// </summary>
    public static IReadOnlyList<string> ScoreOnlyColumns(DatasetPlan planned) =>
        [.. planned.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.All(c => c.Role == PredictionSetBuilder.ScoreRole)).Select(g => g.Key)];

    /// <summary>
    /// Reads every planned dataset, several files at once on several cores; each file's diagnostics are kept in plan order,
    /// so what a run reports does not depend on which file finished first. A dataset with a problem is null.
    /// </summary>
    public static DataTable?[] ReadAll(RunPlan plan, DataSources? sources, List<Diagnostic> diagnostics, IProgress<RunProgress>? progress)
    {
        var tables = new DataTable?[plan.Datasets.Count];
        var found = plan.Datasets.Select(_ => new List<Diagnostic>()).ToArray();
        for (var i = 0; i < tables.Length; i++)
        {
            Loading(progress, plan, i);
        }

        Parallel.For(0, tables.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => tables[i] = Read(plan, plan.Datasets[i], sources, found[i]));
        foreach (var list in found)
        {
            diagnostics.AddRange(list);
        }

        ReturnMemory(tables.Sum(t => t?.ApproximateBytes ?? 0));
        return tables;
    }

    /// <summary>
    /// Collects now, after a step that dropped about <paramref name="bytes"/> of large arrays (a file's read buffers, score
    /// columns turned into a prediction set), and returns that memory to the system: the next step's arrays reuse it
    /// rather than growing the process. A no-op for small data.
    /// </summary>
    public static void ReturnMemory(long bytes)
    {
        if (bytes > LargeHeap)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>Reads one planned dataset (from its file, or from <paramref name="sources"/>), applies <c>where</c> and <c>sample</c>; null after a diagnostic.</summary>
    public static DataTable? Read(RunPlan plan, DatasetPlan planned, DataSources? sources, List<Diagnostic> diagnostics)
    {
        var dataset = planned.Dataset;
        var table = sources?.Find(dataset) is { } memory
            ? TableReader.Read(memory, dataset.DisplayPath, planned.Columns, diagnostics)
            : dataset.Images is not null
                ? ImageTableReader.Read(dataset, DataPath(plan.Policy, dataset), planned.Columns, diagnostics)
                : TableReader.Read(dataset.Path, DataPath(plan.Policy, dataset), planned.Columns, diagnostics);
        if (table is null)
        {
            return null;
        }

        var filters = dataset.Values.Child("where");
        if (filters.Names.Count > 0)
        {
            var kept = Enumerable.Range(0, table.RowCount)
                .Where(row => filters.Names.All(column => filters.GetStrings(column).Contains(table.Column<TextColumn>(column).Values[row].Trim(), StringComparer.Ordinal)))
                .ToArray();
            if (kept.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyData, dataset.Values.LocationOf("where"), $"dataset '{dataset.Name}': no row of {dataset.DisplayPath} matches 'where'"));
                return null;
            }

            table = table.Select(kept);
        }

        if (dataset.Values.GetInt("sample") is { } sample && sample < table.RowCount)
        {
            table = table.Select(RowSample.Choose(table.RowCount, sample, dataset.Name));
        }

        return table;
    }

    /// <summary>The texts (or rows) a check generates for its model, from its dataset's table when it has one.</summary>
    public static IReadOnlyList<TextRequest> Generate(CheckPlan planned, DataTable? table, int runSeed, List<Diagnostic> diagnostics, InheritancePolicy? policy = null)
    {
        var check = planned.Check;
        var context = new TextContext(table, check.Model, StableHash.CheckSeed(runSeed, check.SeedId), StableHash.CheckSeed(0, check.SeedId))
        {
            Dataset = check.Dataset is { } name ? policy?.FindDataset(name) : null,
        };
        return planned.Probe.Texts(check, context, diagnostics);
    }

    /// <summary>The data file as the user can open it: relative to the working folder when the policy path was relative.</summary>
    public static string DataPath(InheritancePolicy policy, DatasetSpec dataset) =>
        (Path.IsPathRooted(policy.FilePath) ? dataset.Path : Path.GetRelativePath(Directory.GetCurrentDirectory(), dataset.Path)).Replace('\\', '/');

    /// <summary>Reports progress of the load step.</summary>
    public static void Loading(IProgress<RunProgress>? progress, RunPlan plan, int index) =>
        progress?.Report(new RunProgress("load", plan.Datasets[index].Dataset.Name, index, plan.Datasets.Count));
}
