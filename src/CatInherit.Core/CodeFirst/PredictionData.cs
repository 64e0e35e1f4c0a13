namespace CatInherit.CodeFirst;

/// <summary>Labels with predictions or probabilities, ready for a check.</summary>
public sealed class PredictionData
{
    internal PredictionData(List<string> labels, List<string>? predictions, List<IReadOnlyList<double>>? probabilities)
    {
        Labels = labels;
        Predictions = predictions;
        Probabilities = probabilities;
    }

    internal List<string> Labels { get; }

    internal List<string>? Predictions { get; }

    internal List<IReadOnlyList<double>>? Probabilities { get; }

    /// <summary>A group-fairness check over the groups in <paramref name="sensitive"/> (one value per row).</summary>
    public CheckBuilder GroupFairness<TGroup>(IEnumerable<TGroup> sensitive, string positiveLabel = "1", int minGroupSize = 1)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(sensitive);
        var groups = sensitive.Select(Inheritance.Text).ToList();
        if (groups.Count != Labels.Count)
        {
            throw new ArgumentException($"There are {Labels.Count} rows but {groups.Count} sensitive values.", nameof(sensitive));
        }

        return new CheckBuilder(this, Probes.GroupFairness.GroupFairnessKind.Descriptor.Name, [("sensitive", "group"), ("positive_label", positiveLabel), ("min_group_size", minGroupSize)], groups);
    }
}
