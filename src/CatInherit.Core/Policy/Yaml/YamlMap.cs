namespace CatInherit.Policy.Yaml;

/// <summary>A mapping, in source order. Duplicate keys are kept so they can be reported.</summary>
internal sealed class YamlMap(SourceLocation location, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries) : YamlNode(location)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
