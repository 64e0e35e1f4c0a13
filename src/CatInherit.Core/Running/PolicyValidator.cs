using CatInherit.Data;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Probes;

namespace CatInherit.Running;

/// <summary>
/// What <c>catinherit validate</c> and MSBuild's build-time validation report: every rule <c>check</c> would
/// apply before inference, in one pass — the policy (keys, types, references, each kind's rules), the data
/// files' headers (every column the run would read: label, prediction, scores, sensitive, model inputs,
/// <c>where</c> columns) and each model's declared inputs and outputs, read from the ONNX file without
/// running it. Rules that need the data's values or the model's outputs (e.g. an unknown positive label)
/// are only reported by a run.
/// </summary>
public static class PolicyValidator
{
    /// <summary>Validates the policy at <paramref name="path"/>; the result has the diagnostics (errors and warnings) in file order.</summary>
    public static PolicyLoadResult Validate(string path)
    {
        var loaded = CheckKinds.Load(path);
        if (loaded.Partial is not { } policy)
        {
            return loaded;
        }

        // The files are checked even when the policy has errors: one pass shows everything to fix.
        // A file the loader already reported missing is not reported again.
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        var plan = RunPlanner.Plan(policy);
        foreach (var planned in plan.Datasets.Where(d => File.Exists(d.Dataset.Path) || (d.Dataset.Images is not null && Directory.Exists(d.Dataset.Path))))
        {
            if (planned.Dataset.Images is not null)
            {
                // The folder's layout and the columns, without decoding an image.
                ImageTableReader.CheckLayout(planned.Dataset, RunPlanner.DataPath(policy, planned.Dataset), planned.Columns, diagnostics);
            }
            else
            {
                TableReader.CheckHeader(planned.Dataset.Path, RunPlanner.DataPath(policy, planned.Dataset), planned.Columns, diagnostics);
            }
        }

        foreach (var model in plan.Models.Where(m => File.Exists(m.Path)))
        {
            var (signature, problem) = OnnxSignatureReader.Read(model.Path);
            if (signature is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModel, model.Values.LocationOf("path"), $"model file '{model.DisplayPath}' cannot be read: {problem}"));
                continue;
            }

            _ = ModelSignature.Validate(signature, model, diagnostics);
        }

        var sorted = diagnostics.OrderBy(d => d.Location.File == policy.FilePath ? 0 : 1).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new(sorted.Any(d => d.IsError) ? null : policy, sorted);
    }
}
