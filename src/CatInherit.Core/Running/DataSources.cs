using CatInherit.Data;
using CatInherit.Policy;

namespace CatInherit.Running;

/// <summary>Tables given in code for datasets of a policy built in code: a dataset named here is read from memory, not from its path.</summary>
public sealed class DataSources
{
    private readonly Dictionary<string, InMemoryTable> tables = new(StringComparer.Ordinal);

    /// <summary>The dataset names with a table in memory.</summary>
    public IReadOnlyCollection<string> Names => tables.Keys;

    /// <summary>Gives the rows of dataset <paramref name="dataset"/>.</summary>
    public DataSources Add(string dataset, InMemoryTable table)
    {
        tables[dataset] = table;
        return this;
    }

    internal InMemoryTable? Find(DatasetSpec dataset) => tables.GetValueOrDefault(dataset.Name);
}
