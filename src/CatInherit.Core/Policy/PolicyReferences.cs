namespace CatInherit.Policy;

/// <summary>
/// The one resolver of names in a policy: which dataset a check names, and which model serves a dataset or a
/// check. Every other part of CatInherit asks it (through the specs it fills in) instead of deciding again.
/// </summary>
/// <remarks>
/// The rule, in full: a model named with <c>model:</c> is that model; no name means the policy's only model
/// (none when it declares several). A dataset's declared model is its own <c>model:</c>; the dataset is fed to
/// that model only when it has neither <c>prediction</c> nor <c>scores</c>. A check is served by its own
/// <c>model:</c>, else by its <c>dataset</c>'s declared model.
/// </remarks>
internal sealed class PolicyReferences(IReadOnlyList<ModelSpec> models, IReadOnlyList<DatasetSpec> datasets)
{
    public IReadOnlyList<ModelSpec> Models { get; } = models;

    public IReadOnlyList<DatasetSpec> Datasets { get; } = datasets;

    /// <summary>A model by name; null finds the only model (or none when there are several).</summary>
    public ModelSpec? FindModel(string? name) => name is null ? (Models.Count == 1 ? Models[0] : null) : Models.FirstOrDefault(m => m.Name == name);

    /// <summary>A dataset by name.</summary>
    public DatasetSpec? FindDataset(string? name) => name is null ? null : Datasets.FirstOrDefault(d => d.Name == name);

    /// <summary>The model a dataset declares (its own <c>model:</c>, else the only model).</summary>
    public ModelSpec? DeclaredModel(DatasetSpec dataset) => FindModel(dataset.ModelName);

    /// <summary>The model that computes the dataset's outputs: its declared model, when it has no predictions or scores of its own.</summary>
    public ModelSpec? FeedingModel(DatasetSpec dataset) => dataset.HasOwnOutputs ? null : DeclaredModel(dataset);

    /// <summary>The model that serves a check: its own <c>model:</c>, else its dataset's declared model, else the only model.</summary>
    public ModelSpec? ServingModel(string? checkModel, string? datasetName) => FindModel(checkModel ?? FindDataset(datasetName)?.ModelName);

    /// <summary>Fills in every dataset's resolved models.</summary>
    public void Bind()
    {
        foreach (var dataset in Datasets)
        {
            dataset.DeclaredModel = DeclaredModel(dataset);
            dataset.FeedingModel = FeedingModel(dataset);
        }
    }

    /// <summary>Resolves the dataset named by <paramref name="key"/>; reports an unknown name or a dataset that nothing can give predictions.</summary>
    public DatasetSpec? ResolveDataset(SpecValues values, string key, string context, List<Diagnostic> diagnostics)
    {
        if (values.GetString(key) is not { } name)
        {
            return null;
        }

        var dataset = FindDataset(name);
        if (dataset is null)
        {
            var hint = Suggestions.DidYouMean(name, Datasets.Select(d => d.Name));
            var known = Datasets.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", Datasets.Select(d => d.Name));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownDataset, values.LocationOf(key), $"{context} uses dataset '{name}', which is not declared under 'datasets'.{hint} ({known})"));
            return null;
        }

        if (Models.Count == 0 && !dataset.HasOwnOutputs)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoPredictions, values.LocationOf(key), $"{context} needs predictions, but dataset '{name}' has neither 'prediction' nor 'scores' and the policy has no 'model' to compute them"));
        }

        return dataset;
    }

    /// <summary>Reports a dataset that needs a model when several could compute it and it names none.</summary>
    public void RequireUnambiguousModel(DatasetSpec dataset, SpecValues values, string key, string context, List<Diagnostic> diagnostics)
    {
        if (!dataset.HasOwnOutputs && Models.Count > 1 && dataset.ModelName is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownModel, values.LocationOf(key), $"{context} uses dataset '{dataset.Name}', which several models could compute ({string.Join(", ", Models.Select(m => m.Name))}); add 'model: <name>' to the dataset"));
        }
    }

    /// <summary>Reports a <c>model:</c> that names no declared model.</summary>
    public void RequireKnownModel(SpecValues values, string owner, List<Diagnostic> diagnostics)
    {
        if (values.GetString("model") is { } modelName && Models.All(m => m.Name != modelName))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownModel, values.LocationOf("model"), $"{owner} uses model '{modelName}', which the policy does not declare.{Suggestions.DidYouMean(modelName, Models.Select(m => m.Name))} Models: {(Models.Count == 0 ? "none" : string.Join(", ", Models.Select(m => m.Name)))}"));
        }
    }
}
