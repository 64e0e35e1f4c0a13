namespace CatInherit.Probes.Interpret;

/// <summary>The rows a slice search runs over: their features and whether the model got each wrong.</summary>
/// <param name="Features">The features, in report order.</param>
/// <param name="Errors">Each row's error: 1 when the model got it wrong, else 0.</param>
/// <param name="Rows">What the rows are, in words ("rows", "corrupted rows ..."), for the report.</param>
/// <param name="Error">What an error is, in words ("misclassified").</param>
internal sealed record SliceTable(IReadOnlyList<SliceFeature> Features, double[] Errors, string Rows, string Error);
