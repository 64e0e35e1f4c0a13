namespace CatInherit.Policy.Schema;

/// <summary>
/// Everything known about one mitigation method before it runs: its keys (types, defaults, bounds) and its load-time
/// rules. The loader, the JSON Schema, <c>catinherit validate</c> and the build read it; the method itself lives in
/// <c>CatInherit.Mitigation</c> and reads its descriptor from <see cref="MitigationMethods"/>.
/// </summary>
/// <param name="Name">The method as written in YAML (<c>method: temperature</c>).</param>
/// <param name="Description">One sentence for editors and docs.</param>
/// <param name="Keys">The keys this method accepts besides the common ones.</param>
public sealed record MitigationMethodDescriptor(string Name, string Description, IReadOnlyList<KeySpec> Keys)
{
    /// <summary>Whether the method edits a model's graph (else it corrects precomputed scores).</summary>
    public bool EditsModel { get; init; } = true;

    /// <summary>Whether the fit dataset needs a <c>label</c> column.</summary>
    public bool NeedsLabels { get; init; } = true;

    /// <summary>Groups of keys of which a mitigation must have exactly one.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OneOf { get; init; } = [];

    /// <summary>Rules the loader runs once the mitigation's model and fit dataset are resolved.</summary>
    public IReadOnlyList<Action<MitigationRuleContext>> Rules { get; init; } = [];
}
