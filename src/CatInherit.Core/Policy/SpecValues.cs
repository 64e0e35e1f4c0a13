using System.Globalization;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>
/// The validated keys of one policy mapping with their positions. The loader has already checked
/// every type, so the getters only convert.
/// </summary>
internal sealed class SpecValues(SourceLocation owner, IReadOnlyDictionary<string, YamlNode> nodes)
{
    public static SpecValues Empty(SourceLocation owner) => new(owner, new Dictionary<string, YamlNode>());

    public SourceLocation Owner { get; } = owner;

    /// <summary>The keys present, in ordinal order (a mapping's entries, e.g. a filter's columns).</summary>
    public IReadOnlyList<string> Names => [.. nodes.Keys.Order(StringComparer.Ordinal)];

    public bool Has(string key) => nodes.TryGetValue(key, out var node) && node is not YamlScalar { IsNull: true };

    /// <summary>Where the key's value is written; the owning mapping when the key is absent.</summary>
    public SourceLocation LocationOf(string key) => nodes.TryGetValue(key, out var node) ? node.Location : Owner;

    /// <summary>The location of the i-th item of a list value.</summary>
    public SourceLocation LocationOf(string key, int index) =>
        nodes.TryGetValue(key, out var node) && node is YamlList list && index < list.Items.Count ? list.Items[index].Location : LocationOf(key);

    /// <summary>The values of a nested mapping (empty when absent).</summary>
    public SpecValues Child(string key) => nodes.TryGetValue(key, out var node) && node is YamlMap map
        ? new SpecValues(map.Location, map.Entries.GroupBy(e => e.Key.Value).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal))
        : Empty(LocationOf(key));

    public bool? GetBool(string key) => GetString(key) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public string? GetString(string key) => nodes.TryGetValue(key, out var node) && node is YamlScalar { IsNull: false } s ? s.Value : null;

    public IReadOnlyList<string> GetStrings(string key) => nodes.TryGetValue(key, out var node)
        ? node switch
        {
            YamlScalar { IsNull: true } => [],
            YamlScalar s => [s.Value],
            YamlList l => [.. l.Items.OfType<YamlScalar>().Select(s => s.Value)],
            _ => [],
        }
        : [];

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
