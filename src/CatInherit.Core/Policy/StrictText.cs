using System.Globalization;
using System.Text;

namespace CatInherit.Policy;

/// <summary>
/// Reads text files as UTF-8 and refuses bytes that are not: a Latin-1 "café" and "cafè" read as UTF-8
/// would both become "caf\uFFFD" and silently merge. A byte-order mark (UTF-8 or UTF-16) is honoured.
/// </summary>
internal static class StrictText
{
    /// <summary>UTF-8 that throws <see cref="DecoderFallbackException"/> on invalid bytes instead of replacing them.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader over <paramref name="path"/> that throws on invalid UTF-8.</summary>
    public static StreamReader OpenReader(string path) => new(path, Encoding, detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// The first invalid UTF-8 sequence of <paramref name="path"/> as a diagnostic: its 1-based line, and
    /// the 1-based column (or, with <paramref name="separator"/>, the field number) where it starts.
    /// </summary>
    public static Diagnostic InvalidUtf8(string path, string displayPath, string code, char? separator = null)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var offset = FirstInvalidByte(bytes.AsSpan(start)) + start;
        var before = bytes.AsSpan(0, offset);
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var prefix = bytes.AsSpan(lineStart, offset - lineStart);
        var column = separator is { } s ? prefix.Count((byte)s) + 1 : System.Text.Encoding.UTF8.GetCharCount(prefix) + 1;
        var bad = string.Join(" ", bytes.AsSpan(offset, Math.Min(4, bytes.Length - offset)).ToArray().TakeWhile((b, i) => i == 0 || b is >= 0x80 and < 0xC0).Select(b => $"0x{b:X2}"));
        var message = string.Create(CultureInfo.InvariantCulture,
            $"line {line} is not valid UTF-8 (byte {bad}); the file is probably Latin-1 or Windows-1252. Save it as UTF-8, for example: iconv -f latin1 -t utf-8 {Path.GetFileName(displayPath)} > utf8-{Path.GetFileName(displayPath)}");
        return Diagnostic.Error(code, new SourceLocation(displayPath, line, column), message);
    }

    /// <summary>The index of the first byte that does not start a valid UTF-8 sequence (the length when all are valid).</summary>
    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return bytes.Length;
    }
}
