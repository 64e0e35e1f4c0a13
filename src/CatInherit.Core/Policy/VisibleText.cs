using System.Globalization;
using System.Text;

namespace CatInherit.Policy;

/// <summary>
/// Text from data files and policies, made safe to print: control characters (NUL, ESC, C1), line breaks,
/// bidirectional overrides, unpaired surrogates and noncharacters become visible escapes such as <c>\n</c> or
/// <c>\u001B</c>, so a value can neither drive a terminal, split a diagnostic line, reorder what is shown, nor
/// make an XML writer throw. Everything else, and the text itself, is kept.
/// </summary>
internal static class VisibleText
{
    /// <summary>The escaped text; the same instance when nothing needs escaping.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="keepLineBreaks">Keep tab, line feed and carriage return (where the format treats them as plain whitespace).</param>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstToEscape(text, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else if (!NeedsEscape(c, keepLineBreaks))
            {
                result.Append(c);
            }
            else
            {
                result.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                });
            }
        }

        return result.ToString();
    }

    private static int FirstToEscape(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (NeedsEscape(c, keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True for a character that must not reach output as itself (an unpaired surrogate included).</summary>
    private static bool NeedsEscape(char c, bool keepLineBreaks) => c switch
    {
        '\t' or '\n' or '\r' => !keepLineBreaks,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\uFFFE' or '\uFFFF' => true,
        _ => char.IsSurrogate(c),
    };
}
