namespace CatInherit.Policy.Yaml;

/// <summary>A sequence.</summary>
internal sealed class YamlList(SourceLocation location, IReadOnlyList<YamlNode> items) : YamlNode(location)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Describe() => "a list";
}
