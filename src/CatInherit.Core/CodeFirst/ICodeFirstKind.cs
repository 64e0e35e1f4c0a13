using CatInherit.Policy.Schema;

namespace CatInherit.CodeFirst;

/// <summary>
/// A code-first builder of one check kind: it names the kind's descriptor, so a test can find a builder for every kind
/// of the catalog, and check its methods and metric enum against the descriptor's keys and metrics.
/// </summary>
internal interface ICodeFirstKind
{
    /// <summary>The kind this builder declares.</summary>
    static abstract CheckKindDescriptor Descriptor { get; }
}
