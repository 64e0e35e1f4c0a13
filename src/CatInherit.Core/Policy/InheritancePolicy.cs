namespace CatInherit.Policy;

/// <summary>A loaded, validated policy.</summary>
public sealed class InheritancePolicy
{
    internal InheritancePolicy(string filePath, ModelSpec? model, IReadOnlyList<DatasetSpec> datasets, IReadOnlyList<CheckSpec> checks)
    {
        FilePath = filePath;
        Model = model;
        Datasets = datasets;
        Checks = checks;
    }

    /// <summary>The policy file as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>The model under test, or null when datasets hold predictions.</summary>
    public ModelSpec? Model { get; }

    /// <summary>Datasets in declaration order.</summary>
    public IReadOnlyList<DatasetSpec> Datasets { get; }

    /// <summary>Checks in declaration order.</summary>
    public IReadOnlyList<CheckSpec> Checks { get; }

    /// <summary>Finds a dataset by name.</summary>
    public DatasetSpec? FindDataset(string name) => Datasets.FirstOrDefault(d => d.Name == name);
}
