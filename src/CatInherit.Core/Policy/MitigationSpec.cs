namespace CatInherit.Policy;

/// <summary>One mitigation of a policy, validated: a post-hoc fix written into a model (or into predictions), re-checked.</summary>
public sealed class MitigationSpec
{
    internal MitigationSpec(string id, string method, IReadOnlyList<ModelSpec> models, DatasetSpec? fit, SpecValues values, string baseDirectory)
    {
        Id = id;
        Method = method;
        Models = models;
        Fit = fit;
        Values = values;
        BaseDirectory = baseDirectory;
    }

    /// <summary>Unique id among the mitigations.</summary>
    public string Id { get; }

    /// <summary>The method: temperature, project, thresholds or abstain.</summary>
    public string Method { get; }

    /// <summary>The models whose graphs are edited, in the order written (empty for thresholds on precomputed scores).</summary>
    public IReadOnlyList<ModelSpec> Models { get; }

    /// <summary>The dataset it is fitted on, as the first model reads it; null for a projection (fitted on word pairs).</summary>
    public DatasetSpec? Fit { get; }

    /// <summary>Where the mitigation is declared.</summary>
    public SourceLocation Location => Values.Owner;

    internal SpecValues Values { get; }

    internal string BaseDirectory { get; }
}
