namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a long-tail check (per-class recall is in the details).</summary>
public enum LongTailMetric
{
    /// <summary><c>macro_recall</c>: mean recall over classes.</summary>
    MacroRecall,

    /// <summary><c>worst_class_recall</c>: the lowest class recall.</summary>
    WorstClassRecall,

    /// <summary><c>tail_recall</c>: mean recall over the tail classes.</summary>
    TailRecall,
}
