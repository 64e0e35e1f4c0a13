using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes;

/// <summary>The check kinds this release implements: the catalog the loader, the JSON Schema and the reports read.</summary>
public static class CheckKinds
{
    /// <summary>Every implemented kind, in documentation order.</summary>
    public static CheckCatalog Catalog { get; } = new(ProbeRegistry.All.Select(p => p.Descriptor));

    /// <summary>Loads the policy at <paramref name="path"/> against <see cref="Catalog"/>.</summary>
    public static PolicyLoadResult Load(string path) => PolicyLoader.Load(path, Catalog);

    /// <summary>Parses policy text against <see cref="Catalog"/>.</summary>
    public static PolicyLoadResult Parse(string text, string file, string baseDirectory) => PolicyLoader.Parse(text, file, baseDirectory, Catalog);
}
