namespace CatInherit.Probes;

/// <summary>Texts a probe needs a model's outputs for (counterfactual twins, word lists).</summary>
/// <param name="Key">The probe's own name for the request, used to find the outputs in <see cref="IProbe.Run"/>.</param>
/// <param name="Texts">The texts, in the order the outputs come back.</param>
internal sealed record TextRequest(string Key, IReadOnlyList<string> Texts)
{
    /// <summary>Rows to feed instead of texts (numeric features of a tabular or image model).</summary>
    public Data.DataTable? Table { get; init; }
}
