namespace CatInherit.CodeFirst;

/// <summary>
/// Marks a code-first method that writes a policy key: a check kind's key (<c>positive_label</c>), a dataset's
/// (<c>label</c>) or a model's, as a dotted path inside the model section (<c>inputs.tokenizer.vocab</c>). A test reads
/// these marks to fail when a kind, a key or a metric of the catalog has no typed code-first method.
/// </summary>
/// <param name="key">The key the method writes.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class PolicyKeyAttribute(string key) : Attribute
{
    /// <summary>The key the method writes.</summary>
    public string Key { get; } = key;
}
