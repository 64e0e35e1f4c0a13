using System.Globalization;
using System.Text;
using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Progress;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.Mitigation;

/// <summary>
/// <c>catinherit mitigate</c>: fits each of the policy's mitigations on its fit dataset, writes each edit into a copy of
/// the model, runs every check of the policy on the original models and on each mitigated copy, and gates each
/// mitigation on the comparison. Nothing is written unless every fit, edit and run succeeded; the original models are
/// only read.
/// </summary>
public static class Mitigator
{
    /// <summary>The folder, inside the output folder, where files are prepared before they take their names.</summary>
    private const string Staging = ".catinherit-mitigate";

    /// <summary>Loads the policy at <paramref name="policyPath"/>, mitigates, and writes models and reports into <paramref name="outDirectory"/>.</summary>
    /// <param name="policyPath">The policy YAML file.</param>
    /// <param name="outDirectory">Where the mitigated models, their side files and the reports go.</param>
    /// <param name="options">Run settings from <see cref="RunSettings"/>.</param>
    /// <param name="writers">Report formats besides JSON.</param>
    /// <param name="progress">Progress of the runs.</param>
    public static MitigationResult Run(string policyPath, string outDirectory, RunOptions options, IEnumerable<IReportWriter> writers, IProgress<RunProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loaded = CheckKinds.Load(policyPath);
        if (loaded.Policy is not { } policy)
        {
            return new MitigationResult(null, [], loaded.Diagnostics);
        }

        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        if (policy.Mitigations.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoMitigations, SourceLocation.OfFile(policy.FilePath), "the policy has no 'mitigations:' section, so there is nothing to fit; add one (e.g. '- { id: calibrated, method: temperature, fit: calibration }')"));
            return new MitigationResult(null, [], diagnostics);
        }

        if (File.Exists(outDirectory))
        {
            // Checked before any fit runs: minutes of work should not end in "cannot be written".
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidOption, default, $"--out: '{outDirectory}' is a file; name a folder for the mitigated models and reports"));
            return new MitigationResult(null, [], diagnostics);
        }

        var staging = Path.Combine(outDirectory, Staging);
        var existed = Directory.Exists(outDirectory);
        try
        {
            var result = Mitigate(policy, staging, options, diagnostics, progress);
            if (result is null)
            {
                return new MitigationResult(null, [], diagnostics);
            }

            var (report, staged) = result.Value;
            var reports = writers.ToList();
            var files = new List<string>();

            // Reports are rendered into the staging folder too; then everything takes its name.
            var rendered = new List<string>();
            rendered.AddRange(MitigationReportWriter.Write(report, staging, reports));
            rendered.AddRange(ReportWriters.WriteAll(report.Before, Path.Combine(staging, "before"), reports).Select(f => Path.GetRelativePath(staging, f)));
            foreach (var outcome in report.Mitigations)
            {
                rendered.AddRange(ReportWriters.WriteAll(outcome.After, Path.Combine(staging, "after", outcome.Id), reports).Select(f => Path.GetRelativePath(staging, f)));
            }

            // The original models are only read: a written file may never take one's place.
            var originals = policy.Models.Select(m => Path.GetFullPath(m.Path)).ToHashSet(StringComparer.Ordinal);
            if (staged.Concat(rendered).FirstOrDefault(name => originals.Contains(Path.GetFullPath(Path.Combine(outDirectory, name)))) is { } clash)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidOption, default, $"--out: writing '{clash}' into '{outDirectory}' would overwrite the original model; choose another folder"));
                return new MitigationResult(null, [], diagnostics);
            }

            foreach (var name in staged.Concat(rendered))
            {
                var target = Path.Combine(outDirectory, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, name), target, overwrite: true);
                if (!files.Contains(target))
                {
                    files.Add(target);
                }
            }

            return new MitigationResult(report, files, diagnostics);
        }
        catch (InvalidInputException ex)
        {
            return new MitigationResult(null, [], [.. diagnostics, .. ex.Diagnostics]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidOption, default, $"--out: '{outDirectory}' cannot be written: {ex.Message}"));
            return new MitigationResult(null, [], diagnostics);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            // A failed run leaves no trace: not even the output folder it created.
            if (!existed && Directory.Exists(outDirectory) && !Directory.EnumerateFileSystemEntries(outDirectory).Any())
            {
                Directory.Delete(outDirectory);
            }
        }
    }

    /// <summary>Fits, edits and runs; the report and the files staged, or null after an error.</summary>
    private static (MitigationReport Report, List<string> Staged)? Mitigate(InheritancePolicy policy, string staging, RunOptions options, List<Diagnostic> diagnostics, IProgress<RunProgress>? progress)
    {
        // 1. Fit every mitigation (all problems at once), and write each edit into a staged copy of its model.
        var staged = new List<string>();
        var fitted = new List<(MitigationSpec Mitigation, List<(ModelSpec? Model, FittedEdit Edit)> Edits, Dictionary<string, ModelFile> Files, List<string> Written)>();
        Directory.CreateDirectory(staging);
        using (var context = new FitContext(policy, options, staging))
        {
            foreach (var mitigation in policy.Mitigations)
            {
                progress?.Report(new RunProgress("fit", mitigation.Id, fitted.Count, policy.Mitigations.Count));
                var method = MitigationMethodRegistry.For(mitigation.Method);
                var edits = new List<(ModelSpec? Model, FittedEdit Edit)>();
                foreach (var model in mitigation.Models.Count == 0 ? [null] : mitigation.Models.Cast<ModelSpec?>())
                {
                    if (method.Fit(mitigation, model, context, diagnostics) is { } edit)
                    {
                        edits.Add((model, edit));
                    }
                }

                fitted.Add((mitigation, edits, new Dictionary<string, ModelFile>(StringComparer.Ordinal), []));
            }

            if (diagnostics.Any(d => d.IsError))
            {
                return null;
            }

            foreach (var (mitigation, edits, files, written) in fitted)
            {
                foreach (var (model, edit) in edits)
                {
                    foreach (var (name, bytes) in edit.Files)
                    {
                        File.WriteAllBytes(Path.Combine(staging, name), bytes);
                        written.Add(name);
                    }

                    if (model is null || edit.Edit is null)
                    {
                        continue;
                    }

                    var (editor, problem) = OnnxGraphEditor.Load(model.Path);
                    if (editor is null)
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModel, model.Values.LocationOf("path"), $"model '{model.Name}' ({model.DisplayPath}) cannot be read as ONNX: {problem}"));
                        return null;
                    }

                    edit.Edit(editor);
                    var file = $"{mitigation.Id}.{model.Name}.onnx";
                    editor.Save(Path.Combine(staging, file));
                    written.Add(file);

                    // Per-group thresholds add a 'group' input the engine does not feed: the re-run reads the original graph
                    // (whose outputs the edit leaves alone) and applies the thresholds to its predictions.
                    if (mitigation.Method != "thresholds")
                    {
                        files[model.Name] = new ModelFile(Path.Combine(staging, file), file);
                    }
                }
            }

            staged.AddRange(fitted.SelectMany(f => f.Written));

            // 2. The checks on the original models, then on each mitigation's.
            var before = PolicyRunner.Run(policy, options, progress);
            diagnostics.AddRange(before.Diagnostics);
            if (before.Report is null)
            {
                return null;
            }

            var outcomes = new List<MitigationOutcome>();
            foreach (var (mitigation, edits, files, written) in fitted)
            {
                var corrections = edits.Where(e => e.Edit.Correct is not null).ToList();
                var corrected = new SortedDictionary<string, string>(StringComparer.Ordinal);
                var after = PolicyRunner.Run(policy, options with { ModelFiles = files }, progress, null, merge: null, correction: corrections.Count == 0 ? null : (dataset, table, predictions) =>
                {
                    if (corrections.FirstOrDefault(c => c.Model is null ? dataset.HasOwnOutputs : dataset.FeedingModel?.Name == c.Model.Name) is not { Edit.Correct: { } correct } match)
                    {
                        return predictions;
                    }

                    var result = correct(table, predictions);
                    if (match.Model is null && ThresholdsMethod.GroupValues(table, mitigation.Values.String("sensitive")) is { } groups)
                    {
                        // A predictions-only policy has no model to edit: the corrected predictions are the deliverable.
                        corrected[$"{mitigation.Id}.{dataset.Name}.predictions.csv"] = CorrectedPredictionsCsv(mitigation.Values.String("sensitive"), groups, predictions, result);
                    }

                    return result;
                });
                diagnostics.AddRange(after.Diagnostics.Where(d => !before.Diagnostics.Contains(d)));
                if (after.Report is null)
                {
                    return null;
                }

                foreach (var (name, text) in corrected)
                {
                    File.WriteAllText(Path.Combine(staging, name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    written.Add(name);
                    staged.Add(name);
                }

                outcomes.Add(new MitigationOutcome
                {
                    Id = mitigation.Id,
                    Location = mitigation.Location,
                    Method = mitigation.Method,
                    FitDataset = mitigation.Fit?.Name,
                    Fits = [.. edits.Select(e => new FitSummary(e.Model?.Name, e.Edit.Summary, e.Edit.Warnings))],
                    Files = written,
                    After = after.Report,
                    Comparisons = MitigationComparer.Compare(before.Report, after.Report),
                    Abstention = mitigation.Method == "abstain" ? Abstention(policy, edits, context, diagnostics) : [],
                });
            }

            if (diagnostics.Any(d => d.IsError))
            {
                return null;
            }

            var report = new MitigationReport { Policy = policy.FilePath.Replace('\\', '/'), Seed = options.Seed, Before = before.Report, Mitigations = outcomes };
            return (report, staged);
        }
    }

    /// <summary>
    /// One row per row of the dataset (after its <c>where</c>, in file order): its position, its group, the prediction
    /// before and after the thresholds, class labels as written.
    /// </summary>
    private static string CorrectedPredictionsCsv(string sensitive, string[] groups, PredictionSet before, PredictionSet after)
    {
        var csv = new StringBuilder().Append(CultureInfo.InvariantCulture, $"row,{Cell(sensitive)},prediction,corrected_prediction\n");
        for (var r = 0; r < after.Count; r++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r + 1},{Cell(groups[r])},{Cell(before.Classes[before.Predicted[r]])},{Cell(after.Classes[after.Predicted[r]])}\n");
        }

        return csv.ToString();

        // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
        static string Cell(string value) =>
            value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>Each dataset the abstaining model can read: its abstention rate and its accuracy on all and on accepted rows.</summary>
    private static List<AbstentionRow> Abstention(InheritancePolicy policy, List<(ModelSpec? Model, FittedEdit Edit)> edits, FitContext context, List<Diagnostic> diagnostics)
    {
        var rows = new List<AbstentionRow>();
        foreach (var (model, edit) in edits.Where(e => e.Model is not null && e.Edit.Accepts is not null))
        {
            var reading = edit.Reading ?? model!;
            foreach (var dataset in policy.Datasets.Where(d => !d.HasOwnOutputs))
            {
                if (FitRows.Read(dataset, reading, context, diagnostics) is not { } read)
                {
                    continue;
                }

                var predictions = read.Predictions;
                var accepted = Enumerable.Range(0, predictions.Count).Where(r => edit.Accepts!(predictions.LogitRow(r).ToArray())).ToList();
                var labelled = predictions.Labels.Length == predictions.Count && predictions.Labels.All(l => l >= 0);
                double Accuracy(IEnumerable<int> which) => which.ToList() is { Count: > 0 } list && labelled ? (double)list.Count(r => predictions.Predicted[r] == predictions.Labels[r]) / list.Count : double.NaN;
                rows.Add(new AbstentionRow(dataset.Name, predictions.Count, 1 - ((double)accepted.Count / Math.Max(1, predictions.Count)), Accuracy(Enumerable.Range(0, predictions.Count)), Accuracy(accepted)));
            }
        }

        return rows;
    }

    /// <summary>The exit code: 0 when every mitigation passed its gate, 1 when one made a check worse.</summary>
    public static int ExitCode(MitigationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
    }

    /// <summary>A value as the human-readable reports show it (4 decimals; a delta that rounds to zero shows no sign).</summary>
    internal static string Number(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) is "-0" ? "0" : v.ToString("0.####", CultureInfo.InvariantCulture) : "–";
}
