namespace CatInherit.Policy.Yaml;

/// <summary>A node of the policy's YAML with the position where it starts.</summary>
internal abstract class YamlNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>How the node is named in "expected X, found Y" messages.</summary>
    public abstract string Describe();
}
