using System.Collections;
using System.Globalization;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>
/// Builds a policy's value tree in code, for code-first checks and tests: the same tree a YAML file parses into,
/// read by the same loader (<see cref="PolicyLoader"/>), so every default and rule applies and no value is
/// ever spliced into YAML text. Values: a string, a number, a bool, a list of those, or nested entries; a
/// <see cref="LocatedValue"/> (at any depth) carries its own location for the key and value it is written under.
/// </summary>
internal static class PolicyTree
{
    /// <summary>A mapping of <paramref name="entries"/>, in order; null values are left out.</summary>
    public static YamlMap Map(SourceLocation at, params (string Key, object? Value)[] entries) =>
        new(at, [.. entries.Where(e => e.Value is not null).Select(e => new KeyValuePair<YamlScalar, YamlNode>(new YamlScalar(e.Value is LocatedValue located ? located.At : at, e.Key, isPlain: false), Node(at, e.Value!)))]);

    /// <summary>A list of mappings (e.g. <c>checks:</c>).</summary>
    public static YamlList List(SourceLocation at, IEnumerable<YamlNode> items) => new(at, [.. items]);

    private static YamlNode Node(SourceLocation at, object value) => value switch
    {
        YamlNode node => node,
        LocatedValue located => Node(located.At, located.Value),
        string text => new YamlScalar(at, text, isPlain: false),
        bool flag => new YamlScalar(at, flag ? "true" : "false", isPlain: true),
        int or long or double or float or decimal => new YamlScalar(at, Convert.ToString(value, CultureInfo.InvariantCulture)!, isPlain: true),
        (string, object?)[] entries => Map(at, entries),
        IEnumerable items => new YamlList(at, [.. items.Cast<object>().Select(item => Node(at, item))]),
        _ => throw new ArgumentException($"A policy value cannot be a {value.GetType().Name}.", nameof(value)),
    };
}
