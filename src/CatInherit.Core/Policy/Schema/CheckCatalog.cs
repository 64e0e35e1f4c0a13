namespace CatInherit.Policy.Schema;

/// <summary>The check kinds a loader accepts. The implemented kinds are registered in <c>CatInherit.Probes.CheckKinds</c>.</summary>
public sealed class CheckCatalog
{
    /// <summary>A catalog of <paramref name="kinds"/>, in documentation order; names must be unique.</summary>
    public CheckCatalog(IEnumerable<CheckKindDescriptor> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        Kinds = [.. kinds];
        var duplicate = Kinds.GroupBy(k => k.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Check kind '{duplicate.Key}' is registered twice.", nameof(kinds));
        }
    }

    /// <summary>Every kind, in documentation order.</summary>
    public IReadOnlyList<CheckKindDescriptor> Kinds { get; }

    /// <summary>The kinds' names.</summary>
    public IReadOnlyList<string> Names => [.. Kinds.Select(k => k.Name)];

    /// <summary>The mitigation methods the loader accepts under <c>mitigations:</c>.</summary>
    public IReadOnlyList<MitigationMethodDescriptor> Methods { get; init; } = MitigationMethods.All;

    /// <summary>Finds a kind by name.</summary>
    public CheckKindDescriptor? Find(string name) => Kinds.FirstOrDefault(k => k.Name == name);
}
