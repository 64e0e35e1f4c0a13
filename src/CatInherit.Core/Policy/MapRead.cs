using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>A mapping as the walker read it: its nodes by key, the same as typed values with defaults, and the keys whose value it rejected.</summary>
internal sealed record MapRead(Dictionary<string, YamlNode> Nodes, SpecValues Values, IReadOnlySet<string> Invalid)
{
    /// <summary>The values without the rejected keys (their defaults apply), for rules that must not read a value of the wrong type.</summary>
    public SpecValues ValidValues(SourceLocation owner, IReadOnlyList<KeySpec> keys) =>
        new(owner, Nodes.Where(n => !Invalid.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal), keys);
}
