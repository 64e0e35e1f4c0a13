namespace CatInherit.Policy.Schema;

/// <summary>The three pillars of the seed's UIM framework: what a check kind does about an inherited catastrophe.</summary>
public enum Pillar
{
    /// <summary>Measures whether, and how much, the catastrophe was inherited.</summary>
    Understand,

    /// <summary>Explains where and why: the slices and the words behind a failure.</summary>
    Interpret,

    /// <summary>Reduces it.</summary>
    Mitigate,
}
