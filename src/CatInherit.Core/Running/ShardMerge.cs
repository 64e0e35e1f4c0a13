using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Progress;
using CatInherit.Reports;
using CatInherit.Settings;

namespace CatInherit.Running;

/// <summary>
/// <c>catinherit merge</c>: gathers the partial files of a sharded run, checks that they come from one run (the same
/// policy, seed, check selection, shard count, CatInherit version, models and data) and cover every shard exactly once,
/// and runs the policy on the gathered outputs: the report is byte for byte the report of one run, plus <c>shards</c>.
/// </summary>
public static class ShardMerge
{
    /// <summary>
    /// Merges the partials found in <paramref name="directories"/> (and their subfolders). The seed and check selection
    /// are the shards'; <paramref name="options"/> gives the rest (baselines). All problems are reported at once.
    /// </summary>
    public static RunResult Merge(IReadOnlyList<string> directories, RunOptions options, IProgress<RunProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<Diagnostic>();
        var partials = Gather(directories, diagnostics);
        if (diagnostics.Any(d => d.IsError) || partials.Count == 0)
        {
            return new RunResult(null, diagnostics);
        }

        CheckOneRun(partials, diagnostics);
        if (diagnostics.Any(d => d.IsError))
        {
            return new RunResult(null, diagnostics);
        }

        var first = partials.First(p => p.Shard.IsFirst);
        var loaded = CheckKinds.Load(first.Policy);
        diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.Policy is not { } policy)
        {
            return new RunResult(null, diagnostics);
        }

        if (Fingerprints.Policy(policy) != first.PolicySha256)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PartialFingerprint, SourceLocation.OfFile(first.Policy), $"the policy changed since the shards ran (the partials were made from another version of {first.Policy}); run every shard again"));
            return new RunResult(null, diagnostics);
        }

        var run = options with { Seed = first.Seed, Checks = first.Checks?.ToHashSet(StringComparer.Ordinal), Shard = null, PartialDirectory = null };
        var selected = run.Checks is { } only ? policy.WithChecks(c => only.Contains(c.Id)) : policy;
        var whole = new Dictionary<string, CheckReport>(StringComparer.Ordinal);
        foreach (var json in first.WholeChecks)
        {
            var id = json.GetProperty("id").GetString();
            if (selected.Checks.FirstOrDefault(c => c.Id == id) is { } check)
            {
                whole[check.Id] = CheckReportCodec.Read(json, check);
            }
        }

        if (selected.Checks.Where(PolicyRunner.RunsWhole).FirstOrDefault(c => !whole.ContainsKey(c.Id)) is { } lost)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, SourceLocation.OfFile(first.Source), $"shard 1's partial has no report of check '{lost.Id}', which runs whole on shard 1; run shard 1 again"));
            return new RunResult(null, diagnostics);
        }

        var outputs = new Model.ShardOutputs();
        foreach (var partial in partials)
        {
            outputs.AddAll(partial.Outputs);
        }

        var result = PolicyRunner.Run(selected, run, progress, sources: null, new MergeInput(outputs, whole));
        diagnostics.AddRange(result.Diagnostics);
        if (result.Report is not { } report)
        {
            return new RunResult(null, diagnostics);
        }

        // The files this merge read must be the ones the shards read.
        var data = Fingerprints.Data(RunPlanner.Plan(selected), null);
        foreach (var (ours, theirs) in data.Zip(first.Data).Where(p => p.First.Sha256 != p.Second.Sha256))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PartialFingerprint, SourceLocation.OfFile(ours.Path), $"dataset '{ours.Dataset}': {ours.Path} is not the file the shards read (SHA-256 {Short(ours.Sha256)} here, {Short(theirs.Sha256)} in the partials); run every shard again on this data"));
        }

        foreach (var model in report.Models)
        {
            if (first.Models.FirstOrDefault(m => m.Name == model.Name) is { } theirs && theirs.Sha256 != model.Sha256)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PartialFingerprint, SourceLocation.OfFile(model.Path), $"model '{model.Name}': {model.Path} is not the model the shards ran (SHA-256 {Short(model.Sha256)} here, {Short(theirs.Sha256)} in the partials); run every shard again with this model"));
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return new RunResult(null, diagnostics);
        }

        // The models as the shards ran them (the provider that computed the outputs, from a shard that computed some), as
        // one run reports them.
        Model.ModelInfo Shards(Model.ModelInfo model) =>
            (partials.FirstOrDefault(p => p.Outputs.CountOf(model.Name) > 0) ?? first).Models.FirstOrDefault(m => m.Name == model.Name) ?? model;
        var merged = new RunReport
        {
            Policy = report.Policy,
            Seed = report.Seed,
            Models = [.. report.Models.Select(Shards)],
            Checks = [.. report.Checks.Select(c => c with { Models = [.. c.Models.Select(Shards)] })],
            Shards = first.Shard.Count,
        };
        return new RunResult(merged, diagnostics);
    }

    private static List<PartialFile> Gather(IReadOnlyList<string> directories, List<Diagnostic> diagnostics)
    {
        var partials = new List<PartialFile>();
        if (directories.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, default, "name at least one folder of partial files (written by catinherit check --shard I/N --partial-dir DIR)"));
        }

        foreach (var directory in directories)
        {
            if (File.Exists(directory))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, SourceLocation.OfFile(directory), "a file, not a folder; name the folder that holds the partial files (the merge reads every *.catpartial.json under it)"));
                continue;
            }

            if (!Directory.Exists(directory))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, SourceLocation.OfFile(directory), "no such folder; name the folders the shards wrote their partials into (or where the CI downloaded them)"));
                continue;
            }

            var files = Directory.EnumerateFiles(directory, "*" + PartialFile.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, SourceLocation.OfFile(directory), $"no partial files (*{PartialFile.Extension}) in this folder or below"));
            }

            partials.AddRange(files.Select(f => PartialFile.Read(f, diagnostics)).OfType<PartialFile>());
        }

        return partials;
    }

    /// <summary>The partials come from one run and cover every shard once: missing, duplicate and mixed ones are all reported.</summary>
    private static void CheckOneRun(List<PartialFile> partials, List<Diagnostic> diagnostics)
    {
        var reference = partials[0];
        void Mixed(string what, Func<PartialFile, string> value)
        {
            var groups = partials.GroupBy(value).ToList();
            if (groups.Count > 1)
            {
                var listing = string.Join("; ", groups.Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Source))}"));
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MixedPartials, SourceLocation.OfFile(reference.Source), $"the partials come from different runs ({what} differs — {listing}); merge the partials of one run"));
            }
        }

        Mixed("the CatInherit version", p => p.Version);
        Mixed("the policy", p => $"{p.Policy} {Short(p.PolicySha256)}");
        Mixed("the seed", p => p.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Mixed("the check selection", p => p.Checks is null ? "every check" : string.Join(",", p.Checks));
        Mixed("the shard count", p => $"{p.Shard.Count} shards");
        Mixed("a model", p => string.Join(", ", p.Models.Select(m => $"{m.Name} {Short(m.Sha256)}")));
        Mixed("a data file", p => string.Join(", ", p.Data.Select(d => $"{d.Dataset} {Short(d.Sha256)}")));

        // CUDA and CPU outputs differ in their last bits, so shards on different providers cannot merge into one run's
        // report. Only shards that computed rows of a model say which provider did; the others opened no session.
        foreach (var name in reference.Models.Select(m => m.Name))
        {
            var providers = partials.Where(p => p.Outputs.CountOf(name) > 0)
                .GroupBy(p => p.Models.FirstOrDefault(m => m.Name == name)?.Provider ?? "?", StringComparer.Ordinal).ToList();
            if (providers.Count > 1)
            {
                var listing = string.Join("; ", providers.Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Source))}"));
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MixedPartials, SourceLocation.OfFile(reference.Source), $"model '{name}' ran on different execution providers ({listing}), whose outputs differ in the last bits, so the merge cannot equal one run; run every shard on one provider (--provider cpu, CATINHERIT_PROVIDER=cpu or -p:CatInheritProvider=cpu)"));
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return;
        }

        var count = reference.Shard.Count;
        foreach (var duplicate in partials.GroupBy(p => p.Shard.Index).Where(g => g.Count() > 1))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateShard, SourceLocation.OfFile(duplicate.First().Source), $"shard {duplicate.Key}/{count} appears {duplicate.Count()} times ({string.Join(", ", duplicate.Select(p => p.Source))}); keep one"));
        }

        var missing = Enumerable.Range(1, count).Except(partials.Select(p => p.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingShard, default, $"shard{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} missing: {partials.Count} partial{(partials.Count == 1 ? string.Empty : "s")} found for {count} shards; run the missing shard{(missing.Count > 1 ? "s" : string.Empty)} (catinherit check --shard I/{count}) or download {(missing.Count > 1 ? "their" : "its")} partial"));
        }
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
