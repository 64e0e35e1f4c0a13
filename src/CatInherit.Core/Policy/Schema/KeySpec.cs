namespace CatInherit.Policy.Schema;

/// <summary>One key a policy mapping accepts; the loader, the JSON Schema and the docs all read it.</summary>
/// <param name="Name">The key as written in YAML.</param>
/// <param name="Kind">The type of its value.</param>
/// <param name="Description">One sentence for editors and docs.</param>
public sealed record KeySpec(string Name, ValueKind Kind, string Description)
{
    /// <summary>Whether the key must be present.</summary>
    public bool Required { get; init; }

    /// <summary>The values an <see cref="ValueKind.Enum"/> accepts.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Inclusive lower bound for numbers.</summary>
    public double? Minimum { get; init; }

    /// <summary>Inclusive upper bound for numbers.</summary>
    public double? Maximum { get; init; }

    /// <summary>Exclusive bounds: the value must lie strictly inside (Minimum, Maximum).</summary>
    public bool Exclusive { get; init; }

    /// <summary>The nested keys of a <see cref="ValueKind.Map"/>.</summary>
    public IReadOnlyList<KeySpec> Keys { get; init; } = [];

    /// <summary>The default, as documented (null when there is none).</summary>
    public string? Default { get; init; }
}
