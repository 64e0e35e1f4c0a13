namespace CatInherit.Model;

/// <summary>How a batch of token rows is padded: with which id, on which side, and to what length.</summary>
/// <param name="PadId">The id of the padding token (the attention mask is 0 there).</param>
/// <param name="Left">Pad on the left (the tokens end at the last position) instead of the right.</param>
/// <param name="FixedLength">Pad every row to this length; null pads to the batch's longest row.</param>
/// <param name="MultipleOf">Round the padded length up to a multiple of this; null leaves it.</param>
internal sealed record TokenPadding(int PadId, bool Left = false, int? FixedLength = null, int? MultipleOf = null)
{
    /// <summary>BERT's: id 0, on the right, to the batch's longest row.</summary>
    public static TokenPadding Default { get; } = new(0);

    /// <summary>The padded length of a batch whose longest row has <paramref name="longest"/> tokens.</summary>
    public int LengthFor(int longest)
    {
        var length = Math.Max(longest, FixedLength ?? 0);
        return MultipleOf is > 1 and var m ? (length + m - 1) / m * m : length;
    }
}
