using System.Globalization;
using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;
using CatInherit.Running;

namespace CatInherit.CodeFirst;

/// <summary>
/// Turns a code-first check into the one-check policy a YAML file would parse into (<see cref="PolicyTree"/>, every value
/// at the builder call that wrote it) and the tables of its rows given in code (<see cref="DataSources"/>): nothing is
/// written to disk and no value is spliced into text. Names the datasets by role (<c>data</c>, <c>ood</c>, ...) and the
/// models (<c>model</c>) unless the user named them, and reports what only code can get wrong (rows of different lengths,
/// values given for a file, one name for two datasets) at the call that did it.
/// </summary>
internal sealed class CodeFirstPolicy
{
    private readonly CheckState check;
    private readonly List<Diagnostic> problems = [];
    private readonly Dictionary<InheritanceData, string> datasets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InheritanceModel, string> models = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (InheritanceData Data, string Name)> tokens = new(StringComparer.Ordinal);

    private CodeFirstPolicy(CheckState check)
    {
        this.check = check;
        Tree = Build();
    }

    /// <summary>The policy tree.</summary>
    public YamlMap Tree { get; }

    /// <summary>The file diagnostics about the policy as a whole name: the source file of the call that started the check.</summary>
    public string File => check.At.File;

    /// <summary>The tables of the datasets given in code.</summary>
    public DataSources Sources { get; } = new();

    /// <summary>The names of the datasets given in code (their path names no file).</summary>
    public HashSet<string> InMemory { get; } = new(StringComparer.Ordinal);

    /// <summary>What only code can get wrong, each at the call that did it.</summary>
    public IReadOnlyList<Diagnostic> Problems => problems;

    private string Context => $"check '{check.IdText}'";

    /// <summary>Builds the policy of <paramref name="check"/>.</summary>
    public static CodeFirstPolicy Of(CheckState check) => new(check);

    /// <summary>
    /// The diagnostics of a run, with problems in rows given in code moved to the call that gave the rows (the engine
    /// reports them at a row of a file that does not exist); <c>row N</c> counts from 0, as the rows' index in code.
    /// </summary>
    public IReadOnlyList<Diagnostic> Map(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => tokens.TryGetValue(d.Location.File, out var data)
            ? d with
            {
                Location = data.Data.State.At,
                Message = d.Location.Line > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"data '{data.Name}', row {d.Location.Line - 1}: {d.Message}")
                    : $"data '{data.Name}': {d.Message}",
            }
            : d)];

    private YamlMap Build()
    {
        var roles = check.Settings.Where(s => s.Value is InheritanceData).ToList();

        // Names: those the user gave first, then each role's own (data, ood, members, ...), made unique.
        foreach (var (key, value, _) in roles.Where(r => ((InheritanceData)r.Value).State.Name is not null))
        {
            NameData((InheritanceData)value, key);
        }

        foreach (var (key, value, _) in roles)
        {
            NameData((InheritanceData)value, key);
        }

        var modelUses = check.Settings.SelectMany(s => s.Value is object[] items ? items : [s.Value]).OfType<InheritanceModel>()
            .Concat(datasets.Keys.SelectMany(d => d.State.Settings).Where(s => s.Value is InheritanceModel).Select(s => (InheritanceModel)s.Value))
            .ToList();
        foreach (var model in modelUses.Where(m => m.State.Name is not null).Concat(modelUses))
        {
            NameModel(model);
        }

        var primary = check.Settings.Find("dataset")?.Value as InheritanceData;
        if (primary is null && !check.Columns.IsEmpty)
        {
            throw new InvalidOperationException($"A {check.Kind.Name} check was given columns but has no dataset.");
        }

        var datasetEntries = datasets.Select(d => (d.Value, (object?)new LocatedValue(d.Key.State.At, Dataset(d.Key, d.Value, ReferenceEquals(d.Key, primary) ? check.Columns : [])))).ToArray();
        var modelEntries = models.Select(m => (m.Value, (object?)new LocatedValue(m.Key.State.At, Model(m.Key)))).ToArray();
        (string, object?)[] checkEntries =
        [
            ("id", new LocatedValue(check.Id?.At ?? check.At, check.IdText)),
            ("kind", check.Kind.Name),
            .. check.Settings.Select(s => (s.Key, (object?)new LocatedValue(s.At, Value(s.Value, IsNameOrList(s.Key))))),
        ];
        return PolicyTree.Map(
            check.At,
            ("version", PolicySchema.Version),
            ("models", modelEntries.Length == 0 ? null : modelEntries),
            ("datasets", datasetEntries.Length == 0 ? null : datasetEntries),
            ("checks", PolicyTree.List(check.At, [PolicyTree.Map(check.At, checkEntries)])));
    }

    private void NameData(InheritanceData data, string role)
    {
        if (datasets.ContainsKey(data))
        {
            return;
        }

        datasets[data] = Unique(data.State.Name, role == "dataset" ? "data" : role, datasets.Values, "datasets");
    }

    private void NameModel(InheritanceModel model)
    {
        if (!models.ContainsKey(model))
        {
            models[model] = Unique(model.State.Name, "model", models.Values, "models");
        }
    }

    /// <summary>The user's name (an error when another dataset or model already has it), else the fallback made unique.</summary>
    private string Unique(Setting? named, string fallback, IEnumerable<string> taken, string what)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        if (named is { Value: string name, At: var at })
        {
            if (!used.Contains(name))
            {
                return name;
            }

            // Reported here; a name of its own keeps the policy from reporting the same clash again.
            problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstName, at, $"{Context} has two different {what} named '{name}'; give each its own name with .Named(...), or pass the same instance"));
            fallback = name;
        }

        var candidate = fallback;
        for (var i = 2; used.Contains(candidate); i++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{fallback}{i}");
        }

        return candidate;
    }

    /// <summary>A dataset's entries; rows given in code become a table of <see cref="Sources"/>.</summary>
    private (string, object?)[] Dataset(InheritanceData data, string name, IReadOnlyList<InMemoryColumn> checkColumns)
    {
        var state = data.State;
        string path;
        if (state.InMemory)
        {
            path = $"'{name}' (rows given in code)";
            tokens[path] = (data, name);
            InMemory.Add(name);
            Sources.Add(name, Table(state, name, [.. state.Columns, .. checkColumns]));
        }
        else
        {
            path = state.File!;
            foreach (var column in state.Columns.Concat(checkColumns))
            {
                problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstValuesForFile, column.At,
                    $"{Context}: column '{column.Name}' is given as values in code, but data '{name}' is read from {state.File}; add the column to the file and name it instead, or give every column in code"));
            }
        }

        problems.AddRange(state.Problems);
        // An image folder is its own data: it has no 'path' (its folder is under 'images').
        (string, object?)[] file = state.Settings.Any(s => s.Key == "images") ? [] : [("path", new LocatedValue(state.At, path))];
        return [.. file, .. state.Settings.Select(s => (s.Key, (object?)new LocatedValue(s.At, Value(s.Value, nameOrList: false))))];
    }

    /// <summary>The table of rows given in code; columns of different lengths or with one name are problems at the call that gave them.</summary>
    private InMemoryTable Table(DataState state, string name, IReadOnlyList<InMemoryColumn> columns)
    {
        var rows = columns.Count == 0 ? 0 : columns[0].Values.Length;
        if (rows == 0)
        {
            problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstShape, state.At, $"{Context}: data '{name}' has no rows; give at least one"));
        }

        for (var c = 1; c < columns.Count; c++)
        {
            if (columns.Take(c).FirstOrDefault(other => other.Name == columns[c].Name) is { } first)
            {
                problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstName, columns[c].At, $"{Context}: data '{name}' already has a column '{columns[c].Name}' (given at line {first.At.Line}); give this one another name"));
            }
            else if (columns[c].Values.Length != rows)
            {
                problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstShape, columns[c].At, string.Create(CultureInfo.InvariantCulture,
                    $"{Context}: column '{columns[c].Name}' of data '{name}' has {columns[c].Values.Length} values but column '{columns[0].Name}' has {rows}; give one value per row")));
            }
        }

        var unique = columns.DistinctBy(c => c.Name).ToList();
        var cells = Enumerable.Range(0, rows).Select(r => (IReadOnlyList<string>)[.. unique.Select(c => r < c.Values.Length ? c.Values[r] : string.Empty)]).ToList();
        return new InMemoryTable([.. unique.Select(c => c.Name)], cells);
    }

    /// <summary>A model's section, from its dotted keys (<c>inputs.tokenizer.vocab</c>) nested as YAML nests them.</summary>
    private (string, object?)[] Model(InheritanceModel model)
    {
        var state = model.State;
        var settings = state.Settings.ToList();
        if (state.FeaturesFromData is { } at)
        {
            var widths = datasets.Keys.Select(d => d.State.Features.Length).Where(n => n > 0).Distinct().ToList();
            if (widths.Count == 1)
            {
                settings.Add(new Setting("inputs.features", new[] { widths[0] == 1 ? "x0" : string.Create(CultureInfo.InvariantCulture, $"x0..x{widths[0] - 1}") }, at));
            }
            else
            {
                problems.Add(Diagnostic.Error(DiagnosticCodes.CodeFirstShape, at, widths.Count == 0
                    ? $"{Context}: model '{models[model]}' reads the features given in code (FeatureInput()), but no data of the check has any; give them with Inheritance.Features(...), or name the columns: FeatureInput([...])"
                    : $"{Context}: model '{models[model]}' reads the features given in code, but the check's data have {string.Join(" and ", widths)} features; give every dataset the same features"));
            }
        }

        return Nest(settings, string.Empty);
    }

    private static (string, object?)[] Nest(IReadOnlyList<Setting> settings, string prefix)
    {
        var entries = new List<(string, object?)>();
        foreach (var group in settings.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).GroupBy(s => s.Key[prefix.Length..].Split('.')[0]))
        {
            var leaf = group.FirstOrDefault(s => s.Key == prefix + group.Key);
            entries.Add(leaf.Key is not null
                ? (group.Key, new LocatedValue(leaf.At, leaf.Value))
                : (group.Key, new LocatedValue(group.First().At, Nest([.. group], $"{prefix}{group.Key}."))));
        }

        return [.. entries];
    }

    /// <summary>
    /// A builder's value as a policy value: data and models by name, word sets as words or a file, nested lists and entries
    /// alike; with <paramref name="nameOrList"/>, a list of one item is written as that item, as a policy would write it.
    /// </summary>
    private object Value(object value, bool nameOrList) => value switch
    {
        InheritanceData data => datasets[data],
        InheritanceModel model => models[model],
        WordSet set => set.PolicyValue,
        LocatedValue located => new LocatedValue(located.At, Value(located.Value, nameOrList: false)),
        object[] { Length: 1 } items when nameOrList => Value(items[0], nameOrList: false),
        object[] items => items.Select(i => Value(i, nameOrList: false)).ToArray(),
        (string Key, object? Value)[] entries => entries.Select(e => (e.Key, e.Value is null ? null : Value(e.Value, nameOrList: false))).ToArray(),
        _ => value,
    };

    /// <summary>Whether the check's key takes one name or a list (a single item is then written as a name, as a policy would).</summary>
    private bool IsNameOrList(string key) => check.Kind.FindKey(key)?.Kind == ValueKind.StringOrList;
}
