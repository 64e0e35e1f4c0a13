using System.Globalization;
using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>
/// The validated keys of one policy mapping with their positions, and the defaults of the keys it did not
/// write (from the <see cref="KeySpec"/>s it was read with): defaults are applied here, once, so no reader
/// restates them. The loader has already checked every type, so the getters only convert.
/// </summary>
internal sealed class SpecValues(SourceLocation owner, IReadOnlyDictionary<string, YamlNode> nodes, IReadOnlyList<KeySpec>? keys = null)
{
    private readonly IReadOnlyList<KeySpec> keys = keys ?? [];

    public static SpecValues Empty(SourceLocation owner, IReadOnlyList<KeySpec>? keys = null) => new(owner, new Dictionary<string, YamlNode>(), keys);

    public SourceLocation Owner { get; } = owner;

    /// <summary>The keys present, in ordinal order (a mapping's entries, e.g. a filter's columns).</summary>
    public IReadOnlyList<string> Names => [.. nodes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The same values with <paramref name="key"/> set to <paramref name="node"/> (a mitigated model's path or output).</summary>
    public SpecValues With(string key, YamlNode node) =>
        new(Owner, new Dictionary<string, YamlNode>(nodes, StringComparer.Ordinal) { [key] = node }, keys);

    /// <summary>Whether the policy wrote the key (a default does not count).</summary>
    public bool Has(string key) => nodes.TryGetValue(key, out var node) && node is not YamlScalar { IsNull: true };

    /// <summary>Where the key's value is written; the owning mapping when the key is absent.</summary>
    public SourceLocation LocationOf(string key) => nodes.TryGetValue(key, out var node) ? node.Location : Owner;

    /// <summary>The location of the i-th item of a list value.</summary>
    public SourceLocation LocationOf(string key, int index) =>
        nodes.TryGetValue(key, out var node) && node is YamlList list && index < list.Items.Count ? list.Items[index].Location : LocationOf(key);

    /// <summary>The values of a nested mapping (empty when absent).</summary>
    public SpecValues Child(string key)
    {
        var nested = Spec(key)?.Keys;
        return nodes.TryGetValue(key, out var node) && node is YamlMap map
            ? new SpecValues(map.Location, map.Entries.GroupBy(e => e.Key.Value).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal), nested)
            : Empty(LocationOf(key), nested);
    }

    public bool? GetBool(string key) => GetString(key) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>The written value, else the key's scalar default, else null.</summary>
    public string? GetString(string key) => nodes.TryGetValue(key, out var node)
        ? node is YamlScalar { IsNull: false } s ? s.Value : null
        : Spec(key)?.Default is { } fallback && !fallback.StartsWith('[') ? fallback : null;

    /// <summary>The written values, else the key's list default (<c>[1, 2, 3]</c>), else empty.</summary>
    public IReadOnlyList<string> GetStrings(string key) => nodes.TryGetValue(key, out var node)
        ? node switch
        {
            YamlScalar { IsNull: true } => [],
            YamlScalar s => [s.Value],
            YamlList l => [.. l.Items.OfType<YamlScalar>().Select(s => s.Value)],
            _ => [],
        }
        : Spec(key)?.Default is ['[', .. var list, ']'] ? [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : [];

    // The typed getters below serve keys that always have a value: written, or the key's default. A written value
    // that does not convert was already reported by the walker; the default then stands in, so rules that run after
    // it still see a usable value. A key with neither is a bug in a kind's declaration.

    /// <summary>A key that always has a value (written or default).</summary>
    public string String(string key) => GetString(key) ?? Spec(key)?.Default ?? throw Undeclared(key);

    /// <summary>An integer key that always has a value (written or default).</summary>
    public int Int(string key) => GetInt(key) ?? (int.TryParse(Spec(key)?.Default, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Undeclared(key));

    /// <summary>A number key that always has a value (written or default).</summary>
    public double Double(string key) => GetDouble(key) ?? (double.TryParse(Spec(key)?.Default, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Undeclared(key));

    /// <summary>A boolean key that always has a value (written or default).</summary>
    public bool Bool(string key) => GetBool(key) ?? Spec(key)?.Default switch
    {
        "true" => true,
        "false" => false,
        _ => throw Undeclared(key),
    };

    private static InvalidOperationException Undeclared(string key) => new($"'{key}' has neither a value nor a default in its KeySpec.");

    private KeySpec? Spec(string key) => keys.FirstOrDefault(k => k.Name == key);

    /// <summary>A pair of word sets: each an inline list of words, or the name of a word-list file.</summary>
    public (IReadOnlyList<string> Words, string? File)[] WordSets(string key) =>
        nodes.TryGetValue(key, out var node) && node is YamlList { Items.Count: 2 } list
            ? [.. list.Items.Select(item => item switch
            {
                YamlList words => ((IReadOnlyList<string>)[.. words.Items.OfType<YamlScalar>().Select(w => w.Value)], (string?)null),
                YamlScalar file => ([], file.Value),
                _ => ([], null),
            })]
            : [([], null), ([], null)];

    /// <summary>The i-th word set of <paramref name="key"/> as a <c>file</c> value, so a problem with it points at its line.</summary>
    public SpecValues WordSetFile(string key, int index) =>
        nodes.TryGetValue(key, out var node) && node is YamlList list && index < list.Items.Count
            ? new SpecValues(Owner, new Dictionary<string, YamlNode> { ["file"] = list.Items[index] })
            : Empty(Owner);

    public double? GetDouble(string key) =>
        GetString(key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public int? GetInt(string key) =>
        GetString(key) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
