using System.Collections.Immutable;
using CatInherit.Policy;

namespace CatInherit.CodeFirst;

/// <summary>What an <see cref="InheritanceModel"/> holds: the keys of a policy's model section, by dotted path (<c>inputs.text</c>).</summary>
/// <param name="At">The call that created it.</param>
internal sealed record ModelState(SourceLocation At)
{
    /// <summary>The model's name, when the user gave one.</summary>
    public Setting? Name { get; init; }

    /// <summary>The keys written, by dotted path inside the model section.</summary>
    public ImmutableArray<Setting> Settings { get; init; } = [];

    /// <summary>Set by <c>FeatureInput()</c>: the model reads the features given in code (<c>x0..</c>) of the data fed to it.</summary>
    public SourceLocation? FeaturesFromData { get; init; }
}
