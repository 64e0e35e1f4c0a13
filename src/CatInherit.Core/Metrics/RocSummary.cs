namespace CatInherit.Metrics;

/// <summary>
/// Every ROC-family quantity of one sweep, for scores where higher means "positive". NaN when a class has no weight.
/// </summary>
/// <param name="Auc">P(positive score &gt; negative score) + ½ P(equal): the Mann–Whitney form of the ROC AUC.</param>
/// <param name="AuprPositive">Area under scikit-learn's precision–recall curve with the positives as the class, ranked by score (OpenOOD's AUPR-In).</param>
/// <param name="AuprNegative">The same with the negatives as the class, ranked by −score (OpenOOD's AUPR-Out).</param>
/// <param name="NegativeFprAt95Tpr">
/// With the negatives as the class, ranked by −score: the smallest share of positives flagged over thresholds that flag at
/// least 95% of the negatives (OpenOOD's FPR@95TPR, OOD as the negatives).
/// </param>
/// <param name="TprAtFpr">The largest TPR over thresholds whose FPR ≤ the sweep's limit (positives by score).</param>
/// <param name="Advantage">max over thresholds of TPR − FPR (Youden's J).</param>
/// <param name="AttackerAdvantage">max over thresholds of |TPR − FPR| (TF-Privacy's attacker advantage).</param>
internal readonly record struct RocSummary(double Auc, double AuprPositive, double AuprNegative, double NegativeFprAt95Tpr, double TprAtFpr, double Advantage, double AttackerAdvantage)
{
    public static RocSummary Undefined { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
}
