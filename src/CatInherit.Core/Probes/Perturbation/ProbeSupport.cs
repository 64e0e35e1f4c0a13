using System.Globalization;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Perturbation;

/// <summary>
/// What the three black-box kinds (perturbation, trigger-scan, adversarial) share: the model they ask must be a
/// classifier; they sample the dataset's rows with the check's data seed; they read classes and labels the same way.
/// </summary>
internal static class ProbeSupport
{
    /// <summary>At load: the check's model must output class scores (logits or probabilities), and read text unless <paramref name="numericToo"/>.</summary>
    public static void Classifier(CheckRuleContext rule, string what, bool numericToo = false)
    {
        var check = rule.Check;
        if (rule.Model is not { } model)
        {
            rule.Error(DiagnosticCodes.NoPredictions, check.Location, $"check '{check.Id}' {what}, so it needs a model; feed its dataset to one, or name one with 'model: <name>'");
        }
        else if (model.OutputKind == OutputKind.Embedding)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, check.Values.Has("model") ? check.Values.LocationOf("model") : check.Location,
                $"check '{check.Id}' {what} and reads class scores, but model '{model.Name}' outputs an embedding ('{model.OutputName}'); point it at a classifier output (kind: logits or probabilities)");
        }
        else if (!numericToo && model.TextColumn is null)
        {
            rule.Error(DiagnosticCodes.OutputKindMismatch, check.Values.Has("model") ? check.Values.LocationOf("model") : check.Location,
                $"check '{check.Id}' {what} and edits text, but model '{model.Name}' reads numeric features; use a text model ('inputs.text')");
        }
    }

    /// <summary>The classes the check's dataset declares (empty when it declares none).</summary>
    public static IReadOnlyList<string> DeclaredClasses(CheckRuleContext rule) =>
        rule.Datasets.GetValueOrDefault("dataset") is { } dataset ? dataset.Classes : [];

    /// <summary>
    /// At load: each class named by <paramref name="key"/> must be a class of the check: one of the dataset's declared
    /// <c>classes</c>, else a class index 0, 1, ... of the model's outputs (its width is known when the model runs).
    /// </summary>
    public static void KnownClasses(CheckRuleContext rule, string key)
    {
        var declared = DeclaredClasses(rule).Select(LabelText.Canonical).ToList();
        var values = rule.Check.Values.GetStrings(key);
        for (var i = 0; i < values.Count; i++)
        {
            var value = LabelText.Canonical(values[i]);
            if (declared.Count > 0 ? !declared.Contains(value) : !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                rule.Error(DiagnosticCodes.UnknownClass, key, i, declared.Count > 0
                    ? $"check '{rule.Check.Id}': '{values[i]}' is not a class of dataset '{rule.Datasets["dataset"].Name}'.{Suggestions.DidYouMean(values[i], declared)} Classes: {string.Join(", ", declared)}"
                    : $"check '{rule.Check.Id}': '{values[i]}' is not a class: without 'classes' on the dataset, the classes are the model's output indices 0, 1, ...; declare 'classes: [...]' on the dataset to name them");
            }
        }
    }

    /// <summary>The check's classes: the dataset's declared <c>classes</c>, else 0 … K − 1 for a model with K outputs (two for one output).</summary>
    public static string[] Classes(CheckSpec check, int width)
    {
        var dataset = Dataset(check);
        return dataset is { Classes.Count: > 0 }
            ? [.. dataset.Classes.Select(LabelText.Canonical)]
            : LabelText.OutputClasses(width);
    }

    /// <summary>At run: every class named by <paramref name="key"/> must be one of <paramref name="classes"/> (a class index beyond the model's outputs).</summary>
    public static void RequireClasses(CheckSpec check, string key, string[] classes, List<Diagnostic> diagnostics)
    {
        var values = check.Values.Has(key) ? check.Values.GetStrings(key) : [];
        for (var i = 0; i < values.Count; i++)
        {
            if (!classes.Contains(LabelText.Canonical(values[i])))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownClass, check.Values.LocationOf(key, i), $"check '{check.Id}': '{values[i]}' is not one of the classes [{string.Join(", ", classes)}] of model '{check.Model?.Name}'"));
            }
        }
    }

    /// <summary>The label of each row as an index into <paramref name="classes"/>, or null when the dataset has no label column; a label outside them is reported.</summary>
    public static int[]? Labels(CheckSpec check, ProbeContext context, string[] classes, List<Diagnostic>? diagnostics)
    {
        if (Dataset(check)?.Label is not { } column || context.Input is not { } input)
        {
            return null;
        }

        var labels = input.Table.Column<CategoricalColumn>(column);
        var levels = labels.Levels.Select(l => Array.IndexOf(classes, LabelText.Canonical(l))).ToArray();
        var result = new int[labels.Codes.Length];
        for (var row = 0; row < result.Length; row++)
        {
            result[row] = levels[labels.Codes[row]];
            if (result[row] < 0 && diagnostics is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LabelOutsideClasses, new SourceLocation(input.Table.File, input.Table.Lines[row], input.Table.FieldOf(column)),
                    $"check '{check.Id}': label '{labels.Levels[labels.Codes[row]]}' of row {row + 1} is not one of the classes [{string.Join(", ", classes)}] of model '{check.Model?.Name}'; declare the dataset's 'classes' in the model's output order"));
                return null;
            }
        }

        return result;
    }

    /// <summary>
    /// The seed of the test inputs (samples, insertion positions, perturbations): the data file as the policy names it,
    /// so every check of these kinds on the same file — of any id, on any model, in any policy beside it — tests the
    /// same inputs (two models are compared on identical texts, and the output cache serves both policies). Like
    /// <see cref="TextContext.DataSeed"/>, it does not depend on the run's seed.
    /// </summary>
    public static ulong DataSeed(CheckSpec check, DatasetSpec? dataset) =>
        dataset is null ? StableHash.CheckSeed(0, check.SeedId) : StableHash.Of("catinherit-test-inputs|" + dataset.DisplayPath.Replace('\\', '/'));

    /// <summary>The check's dataset, as the check reads it.</summary>
    public static DatasetSpec? Dataset(CheckSpec check) => check.Datasets.GetValueOrDefault("dataset");

    /// <summary>Each output row's class probabilities (length max(2, width)).</summary>
    public static double[][] Probabilities(ModelOutputs outputs)
    {
        var result = new double[outputs.Rows][];
        for (var r = 0; r < outputs.Rows; r++)
        {
            result[r] = new double[Math.Max(2, outputs.Width)];
            outputs.Probabilities(r, result[r]);
        }

        return result;
    }
}
