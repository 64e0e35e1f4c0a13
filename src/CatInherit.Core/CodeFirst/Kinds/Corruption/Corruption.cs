namespace CatInherit.CodeFirst;

/// <summary>A seeded corruption of a model's inputs (severities 1–5; see the README for each one's rates).</summary>
public enum Corruption
{
    /// <summary><c>typo</c>: a letter replaced by a keyboard neighbour (text).</summary>
    Typo,

    /// <summary><c>delete</c>: a character deleted (text).</summary>
    Delete,

    /// <summary><c>insert</c>: a random letter inserted (text).</summary>
    Insert,

    /// <summary><c>transpose</c>: two neighbouring characters swapped (text).</summary>
    Transpose,

    /// <summary><c>word_drop</c>: a word dropped (text).</summary>
    WordDrop,

    /// <summary><c>case</c>: a letter's case flipped (text).</summary>
    Case,

    /// <summary><c>punctuation</c>: punctuation replaced or added (text).</summary>
    Punctuation,

    /// <summary><c>gaussian_noise</c>: Gaussian noise added (numeric features).</summary>
    GaussianNoise,

    /// <summary><c>salt_and_pepper</c>: values set to 0 or 1 (numeric features).</summary>
    SaltAndPepper,

    /// <summary><c>brightness</c>: values raised (numeric features).</summary>
    Brightness,

    /// <summary><c>contrast</c>: values pulled towards their row's mean (numeric features).</summary>
    Contrast,

    /// <summary><c>blur</c>: a Gaussian blur (square images).</summary>
    Blur,

    /// <summary><c>pixelate</c>: averaged over blocks (square images).</summary>
    Pixelate,
}
