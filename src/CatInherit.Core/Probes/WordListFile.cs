using CatInherit.Policy;

namespace CatInherit.Probes;

/// <summary>
/// A word-list file a check names (counterfactual swap and fill lists, WEAT word sets, identity terms and fillers,
/// perturbation lists): one entry per line, trimmed, blank lines and <c>#</c> comments skipped, strict UTF-8, relative to
/// the policy. Every kind reads its files here, so they all report a missing, non-UTF-8 or empty file the same way.
/// </summary>
internal static class WordListFile
{
    /// <summary>The entries of the file named by <paramref name="key"/> (null when the key is absent, or after reporting a problem at it).</summary>
    public static List<string>? Read(CheckSpec check, SpecValues values, string key, List<Diagnostic> diagnostics) =>
        values.GetString(key) is { } file ? Read(check, file, values.LocationOf(key), diagnostics) : null;

    /// <summary>The entries of <paramref name="file"/>; null after reporting a problem at <paramref name="at"/>.</summary>
    public static List<string>? Read(CheckSpec check, string file, SourceLocation at, List<Diagnostic> diagnostics)
    {
        var path = file.Contains('\0', StringComparison.Ordinal) ? file : Path.GetFullPath(Path.Combine(check.BaseDirectory, file));
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DataNotFound, at, $"check '{check.Id}': word list '{file}' not found (resolved to {path})"));
            return null;
        }

        List<string> words;
        try
        {
            words = [.. File.ReadLines(path, StrictText.Encoding).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
        }
        catch (System.Text.DecoderFallbackException)
        {
            diagnostics.Add(StrictText.InvalidUtf8(path, file, DiagnosticCodes.NotUtf8));
            return null;
        }

        if (words.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, at, $"check '{check.Id}': word list '{file}' is empty"));
            return null;
        }

        return words;
    }
}
