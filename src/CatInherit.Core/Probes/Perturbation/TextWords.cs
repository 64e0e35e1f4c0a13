using System.Text.RegularExpressions;

namespace CatInherit.Probes.Perturbation;

/// <summary>
/// The words of a text — runs of letters, with an inner apostrophe (<c>don't</c>) — and edits of one word that leave
/// everything else (spaces, punctuation, case) as it was. Shared by the perturbation, adversarial and trigger-scan kinds.
/// </summary>
internal static partial class TextWords
{
    /// <summary>Each word's start and length, in order.</summary>
    public static (int Start, int Length)[] Spans(string text) =>
        [.. WordPattern().Matches(text).Select(m => (m.Index, m.Length))];

    /// <summary>The words themselves.</summary>
    public static string[] Of(string text) => [.. WordPattern().Matches(text).Select(m => m.Value)];

    /// <summary>The text with word <paramref name="index"/> replaced.</summary>
    public static string Replace(string text, (int Start, int Length)[] spans, int index, string word) =>
        string.Concat(text.AsSpan(0, spans[index].Start), word, text.AsSpan(spans[index].Start + spans[index].Length));

    /// <summary>The text without word <paramref name="index"/> and one space beside it (the one after it, else the one before).</summary>
    public static string Delete(string text, (int Start, int Length)[] spans, int index)
    {
        var (start, length) = spans[index];
        var end = start + length;
        if (end < text.Length && text[end] == ' ')
        {
            end++;
        }
        else if (start > 0 && text[start - 1] == ' ')
        {
            start--;
        }

        return string.Concat(text.AsSpan(0, start), text.AsSpan(end));
    }

    /// <summary>
    /// The text with <paramref name="inserted"/> put before word <paramref name="position"/> (0 … word count; the word
    /// count appends it after the last word), separated by one space.
    /// </summary>
    public static string Insert(string text, (int Start, int Length)[] spans, int position, string inserted)
    {
        if (spans.Length == 0)
        {
            return text.Length == 0 ? inserted : $"{inserted} {text}";
        }

        if (position < spans.Length)
        {
            var at = spans[position].Start;
            return string.Concat(text.AsSpan(0, at), inserted, " ", text.AsSpan(at));
        }

        var after = spans[^1].Start + spans[^1].Length;
        return string.Concat(text.AsSpan(0, after), " ", inserted, text.AsSpan(after));
    }

    /// <summary><paramref name="replacement"/> with the case pattern of <paramref name="original"/> (Capitalised, UPPER or lower).</summary>
    public static string MatchCase(string original, string replacement)
    {
        if (replacement.Length == 0 || original.Length == 0)
        {
            return replacement;
        }

        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return replacement.ToUpperInvariant();
        }

        return char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
