namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of an out-of-distribution check (OpenOOD's conventions; scores oriented "higher = more in-distribution").</summary>
public enum OodMetric
{
    /// <summary><c>auroc</c>: P(in-distribution score &gt; OOD score), ties ½.</summary>
    Auroc,

    /// <summary><c>aupr_in</c>: area under the precision–recall curve, in-distribution positive.</summary>
    AuprIn,

    /// <summary><c>aupr_out</c>: area under the precision–recall curve, OOD positive (ranked by −score).</summary>
    AuprOut,

    /// <summary><c>fpr_at_95_tpr</c>: share of in-distribution samples flagged at the threshold that flags 95% of OOD samples.</summary>
    FprAt95Tpr,

    /// <summary><c>accuracy_in</c>: accuracy on the in-distribution data (when labelled).</summary>
    AccuracyIn,

    /// <summary><c>accuracy_out</c>: accuracy on the OOD data (when labelled).</summary>
    AccuracyOut,

    /// <summary><c>accuracy_drop</c>: accuracy_in − accuracy_out.</summary>
    AccuracyDrop,
}
