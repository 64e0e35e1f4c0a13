namespace CatInherit.Mitigation;

/// <summary>An abstaining model on one dataset: how often it abstains, and its accuracy on all rows and on those it accepts.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Rows">Rows scored.</param>
/// <param name="AbstainRate">Share of rows the model abstains on.</param>
/// <param name="Accuracy">Accuracy on every row (NaN without labels).</param>
/// <param name="AcceptedAccuracy">Accuracy on the accepted rows (NaN without labels or accepted rows).</param>
public sealed record AbstentionRow(string Dataset, int Rows, double AbstainRate, double Accuracy, double AcceptedAccuracy);
