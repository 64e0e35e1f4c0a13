namespace CatInherit.Policy.Schema;

/// <summary>
/// What a kind's load-time rule sees: the check with its keys (defaults applied), the datasets it names and the
/// model that serves it, all resolved. A rule reports with <c>Error</c>; it never reads data or runs a model.
/// </summary>
public sealed class CheckRuleContext
{
    private readonly List<Diagnostic> diagnostics;

    internal CheckRuleContext(CheckSpec check, IReadOnlyDictionary<string, DatasetSpec> datasets, ModelSpec? model, IReadOnlyList<string> modelNames, List<Diagnostic> diagnostics)
    {
        Check = check;
        Datasets = datasets;
        Model = model;
        ModelNames = modelNames;
        this.diagnostics = diagnostics;
    }

    /// <summary>The names of every model the policy declares.</summary>
    public IReadOnlyList<string> ModelNames { get; }

    /// <summary>How many models the policy declares.</summary>
    public int ModelCount => ModelNames.Count;

    /// <summary>The check.</summary>
    public CheckSpec Check { get; }

    /// <summary>The datasets the check names, by key (<c>dataset</c>, <c>ood</c>, <c>members</c>...).</summary>
    public IReadOnlyDictionary<string, DatasetSpec> Datasets { get; }

    /// <summary>The model that serves the check (see <see cref="PolicyReferences.ServingModel"/>), or null.</summary>
    public ModelSpec? Model { get; }

    /// <summary>Reports an error at <paramref name="key"/> (the check itself when absent).</summary>
    public void Error(string code, string key, string message) => diagnostics.Add(Diagnostic.Error(code, Check.Values.LocationOf(key), message));

    /// <summary>Reports an error at the <paramref name="index"/>-th item of a list key.</summary>
    public void Error(string code, string key, int index, string message) => diagnostics.Add(Diagnostic.Error(code, Check.Values.LocationOf(key, index), message));

    /// <summary>The check's wording in messages: <c>check 'id'</c>.</summary>
    public string Context => $"check '{Check.Id}'";

    /// <summary>Adds a diagnostic made elsewhere (e.g. by the code that later generates the check's texts).</summary>
    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    /// <summary>The diagnostics list, for helpers that report into one.</summary>
    public List<Diagnostic> Sink => diagnostics;

    /// <summary>Reports an error at a location of the rule's choosing (e.g. inside a nested mapping).</summary>
    public void Error(string code, SourceLocation location, string message) => diagnostics.Add(Diagnostic.Error(code, location, message));
}
