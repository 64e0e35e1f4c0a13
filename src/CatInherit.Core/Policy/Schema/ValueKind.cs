namespace CatInherit.Policy.Schema;

/// <summary>The type a policy key accepts.</summary>
public enum ValueKind
{
    /// <summary>Any scalar, read as text.</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>One of <see cref="KeySpec.AllowedValues"/>.</summary>
    Enum,
    /// <summary>A list of scalars.</summary>
    StringList,
    /// <summary>One scalar or a list of scalars.</summary>
    StringOrList,
    /// <summary>A mapping with the keys in <see cref="KeySpec.Keys"/>.</summary>
    Map,
    /// <summary>The name of a dataset declared under <c>datasets:</c>.</summary>
    DatasetRef,
    /// <summary>A file path, relative to the policy file.</summary>
    Path,
    /// <summary>A list of mappings (the checks).</summary>
    MapList,
    /// <summary>A built-in name (one of <see cref="KeySpec.AllowedValues"/>) or a mapping with <see cref="KeySpec.Keys"/>.</summary>
    NameOrMap,
    /// <summary>Two word sets, each a list of words or a word-list file.</summary>
    WordSets,
    /// <summary>A mapping from names to word lists.</summary>
    WordMap,
}
