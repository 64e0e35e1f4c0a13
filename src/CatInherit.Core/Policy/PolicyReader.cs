using System.Globalization;
using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>
/// The YAML schema walker: checks one mapping against its <see cref="KeySpec"/>s (unknown and duplicate keys,
/// types, allowed values, bounds, required keys) and resolves paths. It knows no policy rule; every problem
/// becomes a diagnostic at its line and column.
/// </summary>
internal sealed class PolicyReader(string file, string baseDirectory, List<Diagnostic> diagnostics)
{
    public string File { get; } = file;

    public string BaseDirectory { get; } = baseDirectory;

    /// <summary>Datasets whose rows are given in code: their path names no file to look for.</summary>
    public IReadOnlySet<string> InMemoryDatasets { get; init; } = new HashSet<string>();

    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    public (string Path, string Display) ResolvePath(SpecValues values, string key, string what, bool requireFile)
    {
        if (values.GetString(key) is not { } display)
        {
            return (string.Empty, string.Empty);
        }

        if (display.Contains('\0', StringComparison.Ordinal))
        {
            Error(DiagnosticCodes.DataNotFound, values.LocationOf(key), $"{what} '{display}' contains a NUL character; no file can have that name");
            return (string.Empty, display);
        }

        var full = Path.GetFullPath(Path.Combine(BaseDirectory, display));
        if (requireFile && !System.IO.File.Exists(full))
        {
            Error(DiagnosticCodes.DataNotFound, values.LocationOf(key), $"{what} '{display}' not found (resolved to {full}); paths are relative to the policy file");
        }

        return (full, display);
    }

    public void ReportDuplicates(SpecValues values, string key, string what)
    {
        var items = values.GetStrings(key);
        for (var i = 0; i < items.Count; i++)
        {
            if (items.Take(i).Contains(items[i], StringComparer.Ordinal))
            {
                Error(DiagnosticCodes.InvalidValue, values.LocationOf(key, i), $"{what} '{items[i]}' is listed twice in '{key}'");
            }
        }
    }

    public MapRead ReadMap(YamlMap map, IReadOnlyList<KeySpec> keys, string context, IReadOnlyList<string>? skipKeys = null, bool ignoreUnknown = false)
    {
        var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (firstSeen.TryGetValue(key.Value, out var first))
            {
                Error(DiagnosticCodes.DuplicateKey, key.Location, $"'{key.Value}' appears twice in {context}; the first is at line {first.Line}");
                continue;
            }

            firstSeen[key.Value] = key.Location;
            var spec = keys.FirstOrDefault(k => k.Name == key.Value);
            if (spec is null)
            {
                if (!ignoreUnknown)
                {
                    var names = keys.Select(k => k.Name).ToList();
                    Error(DiagnosticCodes.UnknownKey, key.Location, $"unknown key '{key.Value}' in {context}.{Suggestions.DidYouMean(key.Value, names)} Known keys: {string.Join(", ", names)}");
                }

                continue;
            }

            nodes[key.Value] = value;
            var errors = Diagnostics.Count;
            if (skipKeys?.Contains(key.Value) != true && CheckValue(spec, value, context))
            {
                if (spec.Kind == ValueKind.Map && spec.Keys.Count > 0 && value is YamlMap nested)
                {
                    // Nested maps with a fixed key set are validated here, except those a dedicated reader validates.
                    if (spec.Name is not ("gate" or "model" or "models"))
                    {
                        _ = ReadMap(nested, spec.Keys, $"'{spec.Name}' of {context}");
                    }
                }
            }

            if (Diagnostics.Skip(errors).Any(d => d.IsError))
            {
                invalid.Add(key.Value);
            }
        }

        foreach (var spec in keys.Where(k => k.Required && !nodes.ContainsKey(k.Name) && skipKeys?.Contains(k.Name) != true))
        {
            Error(DiagnosticCodes.MissingKey, map.Location, $"{context} is missing '{spec.Name}': {spec.Description}");
        }

        return new MapRead(nodes, new SpecValues(map.Location, nodes, keys), invalid);
    }

    /// <summary>Checks a value against its key's type; true when it is usable.</summary>
    private bool CheckValue(KeySpec spec, YamlNode node, string context)
    {
        string? Expected() => spec.Kind switch
        {
            ValueKind.Map => node is YamlMap ? null : "a mapping",
            ValueKind.MapList => node is YamlList ? null : "a list",
            ValueKind.NameOrMap => node is YamlMap || node is YamlScalar { IsNull: false } ? null : "a name or a mapping",
            ValueKind.WordSets => node is YamlList { Items.Count: 2 } pair && pair.Items.All(i => i is YamlScalar { IsNull: false } || (i is YamlList l3 && l3.Items.All(w => w is YamlScalar { IsNull: false })))
                ? null
                : "a list of two word sets, each a list of words or a word-list file: [[a, b], [c, d]]",
            ValueKind.WordMap => node is YamlMap m2 && m2.Entries.All(e => e.Value is YamlScalar { IsNull: false } || (e.Value is YamlList l4 && l4.Items.All(w => w is YamlScalar { IsNull: false })))
                ? null
                : "a mapping from placeholder to a list of words",
            ValueKind.StringList => node is YamlList l && l.Items.All(i => i is YamlScalar { IsNull: false }) ? null : "a list of names",
            ValueKind.StringOrList => node is YamlScalar { IsNull: false } || (node is YamlList l2 && l2.Items.All(i => i is YamlScalar { IsNull: false })) ? null : "a name or a list of names",
            _ => node is YamlScalar { IsNull: false } ? null : "a single value",
        };

        if (Expected() is { } expected)
        {
            Error(DiagnosticCodes.WrongType, node.Location, $"'{spec.Name}' in {context} must be {expected}; found {node.Describe()}");
            return false;
        }

        if (node is YamlList { Items.Count: 0 } && spec.Kind != ValueKind.MapList)
        {
            Error(DiagnosticCodes.InvalidValue, node.Location, $"'{spec.Name}' in {context} is an empty list; {spec.Description}");
            return false;
        }

        if (node is YamlList pairList && spec.Kind == ValueKind.WordSets && pairList.Items.OfType<YamlList>().FirstOrDefault(l => l.Items.Count == 0) is { } emptySet)
        {
            Error(DiagnosticCodes.InvalidValue, emptySet.Location, $"a word set in '{spec.Name}' of {context} is empty; every set needs at least one word");
            return false;
        }

        if (spec.Kind == ValueKind.NameOrMap && node is YamlMap nameMap)
        {
            _ = ReadMap(nameMap, spec.Keys, $"'{spec.Name}' of {context}");
            return true;
        }

        if (node is not YamlScalar scalar)
        {
            return true;
        }

        switch (spec.Kind)
        {
            case ValueKind.Number:
            case ValueKind.Integer:
                var isInteger = spec.Kind == ValueKind.Integer;
                if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)
                    || (isInteger && !int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
                {
                    Error(DiagnosticCodes.WrongType, scalar.Location, $"'{spec.Name}' in {context} must be {(isInteger ? "a whole number" : "a number")}; found '{scalar.Value}'");
                    return false;
                }

                return CheckRange(spec, number, scalar, context);

            case ValueKind.Boolean when scalar.Value is not ("true" or "false"):
                Error(DiagnosticCodes.WrongType, scalar.Location, $"'{spec.Name}' in {context} must be true or false; found '{scalar.Value}'");
                return false;

            case ValueKind.Enum or ValueKind.NameOrMap when !spec.AllowedValues.Contains(scalar.Value):
                Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{spec.Name}' in {context} must be one of {string.Join(", ", spec.AllowedValues)}; found '{scalar.Value}'.{Suggestions.DidYouMean(scalar.Value, spec.AllowedValues)}");
                return false;

            default:
                return true;
        }
    }

    private bool CheckRange(KeySpec spec, double number, YamlScalar scalar, string context)
    {
        var low = spec.Minimum is { } min && (spec.Exclusive ? number <= min : number < min);
        var high = spec.Maximum is { } max && (spec.Exclusive ? number >= max : number > max);
        if (!low && !high)
        {
            return true;
        }

        var bounds = (spec.Minimum, spec.Maximum) switch
        {
            ({ } a, { } b) when a == b => string.Create(CultureInfo.InvariantCulture, $"{a}"),
            ({ } a, { } b) => string.Create(CultureInfo.InvariantCulture, $"between {a} and {b}{(spec.Exclusive ? " (exclusive)" : string.Empty)}"),
            ({ } a, null) => string.Create(CultureInfo.InvariantCulture, $"{(spec.Exclusive ? "greater than" : "at least")} {a}"),
            (null, { } b) => string.Create(CultureInfo.InvariantCulture, $"{(spec.Exclusive ? "less than" : "at most")} {b}"),
            _ => "in range",
        };
        Error(DiagnosticCodes.OutOfRange, scalar.Location, $"'{spec.Name}' in {context} must be {bounds}; found {scalar.Value}");
        return false;
    }

    public void Error(string code, SourceLocation location, string message) => Diagnostics.Add(Diagnostic.Error(code, location, message));
}
