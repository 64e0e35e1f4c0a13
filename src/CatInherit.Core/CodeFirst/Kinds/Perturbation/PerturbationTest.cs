namespace CatInherit.CodeFirst;

/// <summary>A test of a perturbation check: four invariance tests (the prediction must not change), then two directional ones.</summary>
public enum PerturbationTest
{
    /// <summary><c>typo</c>: one QWERTY keyboard typo.</summary>
    Typo,

    /// <summary><c>misspelling</c>: one common misspelling.</summary>
    Misspelling,

    /// <summary><c>homoglyph</c>: one letter swapped for a Unicode look-alike.</summary>
    Homoglyph,

    /// <summary><c>synonym</c>: one word swapped for a WordNet synonym.</summary>
    Synonym,

    /// <summary><c>negation</c>: a negated polar adjective must not move the positive-class probability toward its polarity.</summary>
    Negation,

    /// <summary><c>intensifier</c>: an intensified polar adjective must not move the positive-class probability against its polarity.</summary>
    Intensifier,
}
