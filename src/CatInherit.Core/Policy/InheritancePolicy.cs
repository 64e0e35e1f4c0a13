namespace CatInherit.Policy;

/// <summary>A loaded, validated policy.</summary>
public sealed class InheritancePolicy
{
    internal InheritancePolicy(string filePath, IReadOnlyList<ModelSpec> models, IReadOnlyList<DatasetSpec> datasets, IReadOnlyList<CheckSpec> checks)
    {
        FilePath = filePath;
        Models = models;
        Datasets = datasets;
        Checks = checks;
    }

    /// <summary>The policy file as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>The models, in declaration order (empty when datasets hold predictions).</summary>
    public IReadOnlyList<ModelSpec> Models { get; }

    /// <summary>The model a dataset or check uses when it names none: the only model, else null.</summary>
    public ModelSpec? Model => FindModel(null);

    /// <summary>Finds a model by name; null finds the default model (the rule of <see cref="PolicyReferences"/>).</summary>
    public ModelSpec? FindModel(string? name) => new PolicyReferences(Models, Datasets).FindModel(name);

    /// <summary>Datasets in declaration order.</summary>
    public IReadOnlyList<DatasetSpec> Datasets { get; }

    /// <summary>Checks in declaration order.</summary>
    public IReadOnlyList<CheckSpec> Checks { get; }

    /// <summary>Post-hoc fixes to fit, write into the models and re-check (<c>catinherit mitigate</c>), in declaration order.</summary>
    public IReadOnlyList<MitigationSpec> Mitigations { get; internal init; } = [];

    /// <summary>The same policy with only the checks <paramref name="keep"/> accepts.</summary>
    internal InheritancePolicy WithChecks(Func<CheckSpec, bool> keep) => new(FilePath, Models, Datasets, [.. Checks.Where(keep)]) { Mitigations = Mitigations };

    /// <summary>Finds a dataset by name.</summary>
    public DatasetSpec? FindDataset(string name) => Datasets.FirstOrDefault(d => d.Name == name);
}
