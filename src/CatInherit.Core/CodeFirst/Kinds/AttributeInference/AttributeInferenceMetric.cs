namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of an attribute-inference check.</summary>
public enum AttributeInferenceMetric
{
    /// <summary><c>auc</c>: held-out ROC AUC of the probe (binary attribute; macro one-vs-rest otherwise); 0.5 is chance.</summary>
    Auc,

    /// <summary><c>accuracy</c>: held-out accuracy; the report gives the majority-class baseline beside it.</summary>
    Accuracy,
}
