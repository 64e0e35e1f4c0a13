namespace CatInherit.Policy;

/// <summary>
/// The one resolver of names in a policy: which dataset a check names, and which model serves a dataset or a
/// check. Every other part of CatInherit asks it (through the specs it fills in) instead of deciding again.
/// </summary>
/// <remarks>
/// The rule, in full: a model named with <c>model:</c> is that model; no name means the policy's only model
/// (none when it declares several). A dataset with neither <c>prediction</c> nor <c>scores</c> is fed to a model:
/// for each check, the check's own <c>model:</c>, else the dataset's <c>model:</c> (its default), else the only
/// model. So one dataset can be fed to several models, once per (dataset, model) pair. A check is served (its
/// generated texts run, its report names it) by its own <c>model:</c>, else by its <c>dataset</c>'s model.
/// Running the same checks over several models (<c>compare:</c>) is <see cref="Bind(DatasetSpec, string?)"/> once per model.
/// </remarks>
internal sealed class PolicyReferences(IReadOnlyList<ModelSpec> models, IReadOnlyList<DatasetSpec> datasets)
{
    public IReadOnlyList<ModelSpec> Models { get; } = models;

    public IReadOnlyList<DatasetSpec> Datasets { get; } = datasets;

    /// <summary>A model by name; null finds the only model (or none when there are several).</summary>
    public ModelSpec? FindModel(string? name) => name is null ? (Models.Count == 1 ? Models[0] : null) : Models.FirstOrDefault(m => m.Name == name);

    /// <summary>A dataset by name.</summary>
    public DatasetSpec? FindDataset(string? name) => name is null ? null : Datasets.FirstOrDefault(d => d.Name == name);

    /// <summary>The model that serves a check: its own <c>model:</c>, else its dataset's declared model, else the only model.</summary>
    public ModelSpec? ServingModel(string? checkModel, string? datasetName) => FindModel(checkModel ?? FindDataset(datasetName)?.ModelName);

    /// <summary>
    /// The dataset as a check reads it: declared for (and, without outputs of its own, fed to) the check's model
    /// <paramref name="checkModel"/>, else its own <c>model:</c>, else the only model. With no check model this is the
    /// dataset's default binding.
    /// </summary>
    public DatasetSpec Bind(DatasetSpec dataset, string? checkModel)
    {
        var declared = FindModel(checkModel ?? dataset.ModelName);
        var feeding = dataset.HasOwnOutputs ? null : declared;
        return checkModel is null && dataset.DeclaredModel == declared && dataset.FeedingModel == feeding ? dataset : dataset.BoundTo(declared, feeding);
    }

    /// <summary>Fills in every dataset's default binding (its own <c>model:</c>, else the only model).</summary>
    public void BindDefaults()
    {
        foreach (var dataset in Datasets)
        {
            dataset.DeclaredModel = FindModel(dataset.ModelName);
            dataset.FeedingModel = dataset.HasOwnOutputs ? null : dataset.DeclaredModel;
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

    /// <summary>Reports a dataset that needs a model when several could compute it and neither the check nor the dataset names one.</summary>
    public void RequireUnambiguousModel(DatasetSpec dataset, SpecValues values, string key, string context, List<Diagnostic> diagnostics)
    {
        if (!dataset.HasOwnOutputs && Models.Count > 1 && dataset.ModelName is null && values.GetString("model") is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownModel, values.LocationOf(key), $"{context} uses dataset '{dataset.Name}', which several models could compute ({string.Join(", ", Models.Select(m => m.Name))}); add 'model: <name>' to the check (or to the dataset, for every check that reads it)"));
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
