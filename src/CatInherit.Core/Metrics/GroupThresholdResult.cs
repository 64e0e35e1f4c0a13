namespace CatInherit.Metrics;

/// <summary>Per-group thresholds that meet a constraint with the most correct predictions on the fit set.</summary>
/// <param name="Thresholds">One per group: predict positive when the score is greater.</param>
/// <param name="Rates">Each group's selection rate or true positive rate at its threshold.</param>
/// <param name="Correct">Correct predictions on the fit set.</param>
/// <param name="Accuracy">Correct / rows.</param>
/// <param name="Difference">The largest rate minus the smallest.</param>
public sealed record GroupThresholdResult(double[] Thresholds, double[] Rates, int Correct, double Accuracy, double Difference);
