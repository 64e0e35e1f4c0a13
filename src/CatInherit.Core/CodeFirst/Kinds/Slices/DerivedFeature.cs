namespace CatInherit.CodeFirst;

/// <summary>A feature a slices check derives from each row and cuts slices on (its <c>features</c>).</summary>
public enum DerivedFeature
{
    /// <summary><c>text_length</c>: the number of words, bucketed 1–5, 6–10, 11–20, 21–40, over 40.</summary>
    TextLength,

    /// <summary><c>gender_term</c>: the text holds a word of the built-in gender swap lists.</summary>
    GenderTerm,

    /// <summary><c>identity_term</c>: the text holds one of the built-in identity terms.</summary>
    IdentityTerm,

    /// <summary><c>predicted</c>: the predicted class.</summary>
    Predicted,

    /// <summary><c>confidence</c>: the decile of the top-class probability.</summary>
    Confidence,
}
