using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using CatInherit.Policy;

namespace CatInherit.CodeFirst;

/// <summary>
/// The code-first entry point, for tests that declare their checks in C# instead of YAML. Start from data (rows given
/// in code, or a file) or a model, pick a check, add a gate, and <c>Assert()</c>:
/// <code>
/// Inheritance.Predictions(labels, predictions)
///     .GroupFairness(sex)
///     .ShouldBeAtMost(GroupFairnessMetric.DemographicParityDifference, 0.10)
///     .Assert();
/// </code>
/// Every kind of check has a typed method (<see cref="InheritanceData"/>, <see cref="InheritanceModel"/>). The check is
/// built as the equivalent policy in memory and run by the same engine, so values, reports and messages are the ones the
/// YAML policy gives; a problem is reported at the builder call that introduced it (<see cref="InvalidInputException"/>).
/// </summary>
public static partial class Inheritance
{
    /// <summary>A model's hard predictions and the true labels, one of each per row (columns <c>label</c> and <c>prediction</c>).</summary>
    /// <param name="labels">The true labels.</param>
    /// <param name="predictions">The predicted labels, in the same row order.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Predictions<TLabel>(IEnumerable<TLabel> labels, IEnumerable<TLabel> predictions, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        var at = SettingList.Caller(callerFile, callerLine);
        return new(new DataState(at)
        {
            Columns = [InMemoryColumn.Of("label", labels, at), InMemoryColumn.Of("prediction", predictions, at)],
            Settings = [new Setting("label", "label", at), new Setting("prediction", "prediction", at)],
        });
    }

    /// <summary>Per-class probabilities (each row sums to 1; classes 0..K-1, columns <c>p0..</c>) and the true labels.</summary>
    /// <param name="labels">The true labels.</param>
    /// <param name="probabilities">One row of K class probabilities per label.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Probabilities<TLabel>(IEnumerable<TLabel> labels, IEnumerable<IReadOnlyList<double>> probabilities, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Scores(labels, probabilities, "probabilities", "p", callerFile, callerLine);

    /// <summary>Per-class probabilities without labels (e.g. out-of-distribution samples, or the entropy membership attack).</summary>
    /// <param name="probabilities">One row of K class probabilities per sample.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Probabilities(IEnumerable<IReadOnlyList<double>> probabilities, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scores<string>(null, probabilities, "probabilities", "p", callerFile, callerLine);

    /// <summary>Per-class logits (classes 0..K-1, columns <c>logit0..</c>; softmax gives the probabilities) and the true labels.</summary>
    /// <param name="labels">The true labels.</param>
    /// <param name="logits">One row of K logits per label.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Logits<TLabel>(IEnumerable<TLabel> labels, IEnumerable<IReadOnlyList<double>> logits, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Scores(labels, logits, "logits", "logit", callerFile, callerLine);

    /// <summary>Per-class logits without labels.</summary>
    /// <param name="logits">One row of K logits per sample.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Logits(IEnumerable<IReadOnlyList<double>> logits, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scores<string>(null, logits, "logits", "logit", callerFile, callerLine);

    /// <summary>Texts for a text model to read (column <c>text</c>, the default of <see cref="InheritanceModel.TextInput"/>).</summary>
    /// <param name="texts">One text per row.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Texts(IEnumerable<string> texts, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var at = SettingList.Caller(callerFile, callerLine);
        return new(new DataState(at) { Columns = [InMemoryColumn.Of("text", texts, at)] });
    }

    /// <summary>Texts for a text model to read, with their true labels.</summary>
    /// <param name="labels">The true labels.</param>
    /// <param name="texts">One text per label.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Texts<TLabel>(IEnumerable<TLabel> labels, IEnumerable<string> texts, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Texts(texts, callerFile, callerLine).WithLabels(labels, callerFile, callerLine);
    }

    /// <summary>Numeric features for a tabular or image model (columns <c>x0..</c>, read by <see cref="InheritanceModel.FeatureInput(string, int)"/>).</summary>
    /// <param name="rows">One row of features per sample, all of the same width.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Features(IEnumerable<IReadOnlyList<double>> rows, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var at = SettingList.Caller(callerFile, callerLine);
        var (columns, problems) = Matrix(rows, "x", "features", at);
        return new(new DataState(at) { Columns = columns, Features = [.. columns.Select(c => c.Name)], Problems = problems });
    }

    /// <summary>Numeric features for a tabular or image model, with their true labels.</summary>
    /// <param name="labels">The true labels.</param>
    /// <param name="rows">One row of features per label.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with these rows are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public static InheritanceData Features<TLabel>(IEnumerable<TLabel> labels, IEnumerable<IReadOnlyList<double>> rows, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Features(rows, callerFile, callerLine).WithLabels(labels, callerFile, callerLine);
    }

    /// <summary>
    /// A data file (.csv, .tsv or .jsonl), read as a policy's dataset; name its columns with
    /// <see cref="InheritanceData.LabelColumn"/>, <see cref="InheritanceData.PredictionColumn"/>, ... A relative path is
    /// looked up in the working folder, then beside the source file that names it.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with the file are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("path")]
    public static InheritanceData File(string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(new DataState(SettingList.Caller(callerFile, callerLine)) { File = CodeFirstPaths.Resolve(path, callerFile) });
    }

    /// <summary>
    /// An ONNX model: say what it reads (<see cref="InheritanceModel.TextInput"/> or <see cref="InheritanceModel.FeatureInput(string, int)"/>)
    /// and which output to use (<see cref="InheritanceModel.LogitsOutput"/>, ...). A relative path is looked up in the working
    /// folder, then beside the source file that names it.
    /// </summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="callerFile">Filled in by the compiler: problems with the model are reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("path")]
    public static InheritanceModel Model(string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var at = SettingList.Caller(callerFile, callerLine);
        return new(new ModelState(at) { Settings = [new Setting("path", CodeFirstPaths.Resolve(path, callerFile), at)] });
    }

    private static InheritanceData Scores<TLabel>(IEnumerable<TLabel>? labels, IEnumerable<IReadOnlyList<double>> rows, string kind, string prefix, string callerFile, int callerLine)
        where TLabel : notnull
    {
        var at = SettingList.Caller(callerFile, callerLine);
        var (columns, problems) = Matrix(rows, prefix, kind, at);
        var data = new InheritanceData(new DataState(at)
        {
            Columns = columns,
            Problems = problems,
            Settings = [new Setting("scores", columns.Select(c => c.Name).ToArray(), at), new Setting("score_kind", kind, at)],
        });
        return labels is null ? data : data.WithLabels(labels, callerFile, callerLine);
    }

    /// <summary>Rows of numbers as columns <c>{prefix}0..</c>; a row of another width than the first is a problem at this call.</summary>
    private static (ImmutableArray<InMemoryColumn> Columns, ImmutableArray<Diagnostic> Problems) Matrix(IEnumerable<IReadOnlyList<double>> rows, string prefix, string what, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var width = list.Count == 0 ? 0 : list[0]?.Count ?? 0;
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        for (var row = 0; row < list.Count; row++)
        {
            if ((list[row]?.Count ?? 0) != width)
            {
                problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstShape, at, string.Create(CultureInfo.InvariantCulture,
                    $"row {row} of the {what} has {list[row]?.Count ?? 0} values but row 0 has {width}; give every row one value per {(what == "features" ? "feature" : "class")}")));
                break;
            }
        }

        var columns = Enumerable.Range(0, width)
            .Select(j => new InMemoryColumn(string.Create(CultureInfo.InvariantCulture, $"{prefix}{j}"), [.. list.Select(r => r is not null && j < r.Count ? InMemoryColumn.Text(r[j]) : string.Empty)], at))
            .ToImmutableArray();
        if (width == 0 && list.Count > 0)
        {
            problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstShape, at, $"the {what} rows are empty; give every row one value per {(what == "features" ? "feature" : "class")}"));
        }

        return (columns, problems.ToImmutable());
    }
}
