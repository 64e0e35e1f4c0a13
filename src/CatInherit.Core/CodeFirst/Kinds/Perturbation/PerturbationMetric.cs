namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of a perturbation check.</summary>
public enum PerturbationMetric
{
    /// <summary><c>failure_rate</c>: failing cases / test cases over every test run.</summary>
    FailureRate,

    /// <summary><c>typo_failure_rate</c>: share of texts whose prediction changes with one QWERTY typo.</summary>
    TypoFailureRate,

    /// <summary><c>misspelling_failure_rate</c>: share of texts whose prediction changes with one common misspelling.</summary>
    MisspellingFailureRate,

    /// <summary><c>homoglyph_failure_rate</c>: share of texts whose prediction changes with one letter swapped for a Unicode look-alike.</summary>
    HomoglyphFailureRate,

    /// <summary><c>synonym_failure_rate</c>: share of texts whose prediction changes with one word swapped for a WordNet synonym.</summary>
    SynonymFailureRate,

    /// <summary><c>negation_failure_rate</c>: share of negated polar adjectives that move the positive-class probability toward the adjective's polarity by more than the tolerance.</summary>
    NegationFailureRate,

    /// <summary><c>intensifier_failure_rate</c>: share of intensified polar adjectives that move the positive-class probability against the adjective's polarity by more than the tolerance.</summary>
    IntensifierFailureRate,
}
