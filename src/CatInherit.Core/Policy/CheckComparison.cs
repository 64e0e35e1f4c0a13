namespace CatInherit.Policy;

/// <summary>
/// A check written once with <c>compare: [a, b, ...]</c> runs once per model: this says which run a check is. The runs share
/// their seeds (the same rows resampled, the same test data generated), so their values are paired and side by side.
/// </summary>
/// <param name="Id">The check's id as written; each run's own id is <c>{Id}@{Model}</c>.</param>
/// <param name="Model">The model this run binds the check's datasets to.</param>
/// <param name="Models">Every model compared, in the order written.</param>
public sealed record CheckComparison(string Id, string Model, IReadOnlyList<string> Models)
{
    /// <summary>The id of one run: <c>{id}@{model}</c>.</summary>
    public static string RunId(string id, string model) => $"{id}@{model}";
}
