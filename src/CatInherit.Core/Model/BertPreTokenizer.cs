using Microsoft.ML.Tokenizers;

namespace CatInherit.Model;

/// <summary>
/// BERT's pre-tokenization as the <c>tokenizers</c> library's BertPreTokenizer does it: split on whitespace, and make every
/// punctuation character its own piece, where punctuation is any ASCII symbol (<c>$</c>, <c>&lt;</c>, <c>|</c> ...) or any
/// Unicode punctuation. Other characters (emoji, letters, digits) stay in their word, so an unknown one becomes [UNK].
/// </summary>
internal sealed class BertPreTokenizer : PreTokenizer
{
    public static BertPreTokenizer Instance { get; } = new();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => PreTokenize(text.AsSpan());

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text)
    {
        var pieces = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || IsPunctuation(c))
            {
                if (start >= 0)
                {
                    pieces.Add((start, i - start));
                    start = -1;
                }

                if (!char.IsWhiteSpace(c))
                {
                    pieces.Add((i, 1));
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            pieces.Add((start, text.Length - start));
        }

        return pieces;
    }

    /// <summary>BERT's <c>_is_punctuation</c>: the ASCII ranges 33–47, 58–64, 91–96, 123–126, and Unicode category P*.</summary>
    private static bool IsPunctuation(char c) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~') || char.IsPunctuation(c);
}
