using System.Runtime.CompilerServices;
using CatInherit.Policy;

namespace CatInherit.CodeFirst;

/// <summary>
/// A dataset declared in code: rows given in code (<see cref="Inheritance.Predictions"/>, <see cref="Inheritance.Probabilities{TLabel}"/>,
/// <see cref="Inheritance.Texts(IEnumerable{string}, string, int)"/>, ...) or a file (<see cref="Inheritance.File"/>), with the
/// keys of a policy's dataset. Immutable: every method returns a new instance. Start a check from it
/// (<see cref="GroupFairness{TGroup}"/>, <see cref="Calibration"/>, <see cref="Ood"/>, ...).
/// </summary>
/// <remarks>
/// A dataset without predictions or scores of its own is fed to a model: the check's (<c>.On(model)</c>), else the one
/// given here with <see cref="FedTo"/>; the same data can be fed to several models, one check each.
/// </remarks>
public sealed partial class InheritanceData
{
    internal InheritanceData(DataState state) => State = state;

    internal DataState State { get; }

    /// <summary>The dataset's name in reports and messages (default: its role, e.g. <c>data</c>, <c>ood</c>, <c>members</c>).</summary>
    /// <param name="name">A name, unique among the datasets of one check.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public InheritanceData Named(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(State with { Name = new Setting("name", name, SettingList.Caller(callerFile, callerLine)) });
    }

    /// <summary>The column with the true labels (of a file, or a column added with <see cref="WithColumn"/>).</summary>
    /// <param name="column">The column's name.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("label")]
    public InheritanceData LabelColumn(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("label", column, callerFile, callerLine);

    /// <summary>The column with the model's precomputed hard predictions: no model runs on this data.</summary>
    /// <param name="column">The column's name.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("prediction")]
    public InheritanceData PredictionColumn(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("prediction", column, callerFile, callerLine);

    /// <summary>The columns with precomputed class probabilities, one per class in class order (one column: the positive class of a binary model).</summary>
    /// <param name="columns">The columns' names.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("scores")]
    [PolicyKey("score_kind")]
    public InheritanceData ProbabilityColumns(IEnumerable<string> columns, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("scores", Names(columns), callerFile, callerLine).Set("score_kind", "probabilities", callerFile, callerLine);

    /// <summary>The columns with precomputed class logits, one per class in class order (one column: the positive class, through a sigmoid).</summary>
    /// <param name="columns">The columns' names.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("scores")]
    [PolicyKey("score_kind")]
    public InheritanceData LogitColumns(IEnumerable<string> columns, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("scores", Names(columns), callerFile, callerLine).Set("score_kind", "logits", callerFile, callerLine);

    /// <summary>The class labels in score order (default: 0..K-1 for K scores, else the sorted distinct labels and predictions).</summary>
    /// <param name="classes">The classes.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("classes")]
    public InheritanceData Classes<TLabel>(IEnumerable<TLabel> classes, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("classes", Names(classes), callerFile, callerLine);

    /// <summary>Keeps only the rows whose <paramref name="column"/> holds one of <paramref name="values"/>; several calls filter on several columns.</summary>
    /// <param name="column">The column filtered on.</param>
    /// <param name="values">The values kept.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("where")]
    public InheritanceData Where(string column, IEnumerable<string> values, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(column);
        var at = SettingList.Caller(callerFile, callerLine);
        var filters = State.Settings.Find("where") is { Value: (string Key, object? Value)[] existing } ? existing.Where(f => f.Key != column) : [];
        return new(State with { Settings = State.Settings.RemoveAll(s => s.Key == "where").Add(new Setting("where", filters.Append((column, new LocatedValue(at, Names(values)))).ToArray(), at)) });
    }

    /// <summary>Keeps only the rows whose <paramref name="column"/> holds <paramref name="value"/>.</summary>
    /// <param name="column">The column filtered on.</param>
    /// <param name="value">The value kept.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("where")]
    public InheritanceData Where(string column, string value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Where(column, [value], callerFile, callerLine);

    /// <summary>Uses this many rows, chosen by a fixed seeded shuffle (the same rows every run), to bound run time.</summary>
    /// <param name="rows">How many rows.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("sample")]
    public InheritanceData Sample(int rows, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("sample", rows, callerFile, callerLine);

    /// <summary>The model that computes this data's outputs when a check names none (a check's <c>.On(model)</c> wins).</summary>
    /// <param name="model">The model.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("model")]
    public InheritanceData FedTo(InheritanceModel model, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Set("model", model, callerFile, callerLine);
    }

    /// <summary>Adds the true labels as column <c>label</c> (rows given in code only).</summary>
    /// <param name="labels">One label per row.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("label")]
    public InheritanceData WithLabels<TLabel>(IEnumerable<TLabel> labels, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => WithColumn("label", labels, callerFile, callerLine).LabelColumn("label", callerFile, callerLine);

    /// <summary>Adds a column (a sensitive attribute, a text, a filter) to rows given in code, to name in checks and filters.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">One value per row.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    public InheritanceData WithColumn<T>(string name, IEnumerable<T> values, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        var at = SettingList.Caller(callerFile, callerLine);
        return new(State with { Columns = State.Columns.RemoveAll(c => c.Name == name).Add(InMemoryColumn.Of(name, values, at)) });
    }

    /// <inheritdoc />
    public override string ToString() => State.File ?? $"{State.RowCount} rows given in code";

    internal static string[] Names<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(v => InMemoryColumn.Text(v))];
    }

    private InheritanceData Set(string key, object value, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(State with { Settings = State.Settings.With(key, value, callerFile, callerLine) });
    }
}
