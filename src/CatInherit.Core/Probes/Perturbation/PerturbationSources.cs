using System.Globalization;
using System.Reflection;
using System.Text;
using CatInherit.Metrics;
using CatInherit.Policy;

namespace CatInherit.Probes.Perturbation;

/// <summary>
/// Where realistic noise comes from: WordNet synonyms, Hunspell's misspelling patterns, Unicode homoglyphs (Cyrillic
/// and Greek look-alikes), QWERTY typos, and for directional tests VADER's polar adjectives and intensifiers. The
/// built-in lists are in <c>Resources/</c> (sources and licences in its NOTICE); a check's <c>synonyms</c> and
/// <c>misspellings</c> files replace the built-in ones.
/// </summary>
internal sealed class PerturbationSources
{
    private static readonly Lazy<PerturbationSources> Default = new(() => new PerturbationSources(
        ReadSynonyms(Resource("synonyms.tsv"), null, null),
        ReadPairs(Resource("misspellings.tsv"), null, null)!));

    // QWERTY rows: a typo is the key left or right of the intended one.
    private static readonly string[] Keyboard = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    private static readonly Lazy<Dictionary<char, string>> HomoglyphTable = new(() =>
        Resource("homoglyphs.tsv").Select(l => l.Split('\t')).ToDictionary(p => p[0][0], p => p[1]));

    private static readonly Lazy<Dictionary<string, bool>> PolarityTable = new(() =>
        Resource("polarity.tsv").Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1] == "positive", StringComparer.Ordinal));

    private static readonly Lazy<string[]> IntensifierList = new(() => [.. Resource("intensifiers.tsv")]);

    private PerturbationSources(Dictionary<string, string[]> synonyms, List<(string Correct, string Misspelt)> misspellings)
    {
        Synonyms = synonyms;
        Misspellings = misspellings;
    }

    /// <summary>Headword (lower case) → its synonyms.</summary>
    public IReadOnlyDictionary<string, string[]> Synonyms { get; }

    /// <summary>(correct spelling, misspelling) pairs: whole words, or parts of words as in Hunspell's REP table.</summary>
    public IReadOnlyList<(string Correct, string Misspelt)> Misspellings { get; }

    /// <summary>Negations that reverse a word's sense; a directional test leaves words after them alone.</summary>
    public static IReadOnlyList<string> Negations { get; } = ["not", "never", "no", "n't", "nor", "without", "hardly", "barely"];

    /// <summary>Polar adjectives (lower case) → true when positive.</summary>
    public static IReadOnlyDictionary<string, bool> Polarity => PolarityTable.Value;

    /// <summary>Words that intensify the adjective after them.</summary>
    public static IReadOnlyList<string> Intensifiers => IntensifierList.Value;

    /// <summary>The built-in lists, with the check's own <c>synonyms</c> and <c>misspellings</c> files in their place when it names them; null after a diagnostic.</summary>
    public static PerturbationSources? For(CheckSpec check, List<Diagnostic> diagnostics)
    {
        var builtIn = Default.Value;
        if (!check.Values.Has("synonyms") && !check.Values.Has("misspellings"))
        {
            return builtIn;
        }

        var errors = diagnostics.Count;
        var synonyms = check.Values.Has("synonyms") && WordListFile.Read(check, check.Values, "synonyms", diagnostics) is { } s
            ? ReadSynonyms(s, check, diagnostics)
            : builtIn.Synonyms.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var misspellings = check.Values.Has("misspellings") && WordListFile.Read(check, check.Values, "misspellings", diagnostics) is { } m
            ? ReadPairs(m, check, diagnostics)
            : [.. builtIn.Misspellings];
        return diagnostics.Count > errors || misspellings is null ? null : new PerturbationSources(synonyms, misspellings);
    }

    /// <summary>A QWERTY typo: one letter replaced by the key beside it; null for a word without letters.</summary>
    public static string? Typo(string word, ref Xoshiro256 rng)
    {
        var positions = Enumerable.Range(0, word.Length).Where(i => char.IsAsciiLetter(word[i])).ToArray();
        if (positions.Length == 0)
        {
            return null;
        }

        var at = positions[rng.NextInt(positions.Length)];
        var c = char.ToLowerInvariant(word[at]);
        var row = Keyboard.First(r => r.Contains(c, StringComparison.Ordinal));
        var i = row.IndexOf(c, StringComparison.Ordinal);
        var neighbours = new[] { i - 1, i + 1 }.Where(n => n >= 0 && n < row.Length).Select(n => row[n]).ToArray();
        var typed = neighbours[rng.NextInt(neighbours.Length)];
        return string.Concat(word.AsSpan(0, at), (char.IsUpper(word[at]) ? char.ToUpperInvariant(typed) : typed).ToString(), word.AsSpan(at + 1));
    }

    /// <summary>One letter replaced by a Cyrillic or Greek look-alike; null when no letter of the word has one.</summary>
    public static string? Homoglyph(string word, ref Xoshiro256 rng)
    {
        var table = HomoglyphTable.Value;
        var positions = Enumerable.Range(0, word.Length).Where(i => table.ContainsKey(char.ToLowerInvariant(word[i]))).ToArray();
        if (positions.Length == 0)
        {
            return null;
        }

        var at = positions[rng.NextInt(positions.Length)];
        var looks = table[char.ToLowerInvariant(word[at])];
        var look = looks[rng.NextInt(looks.Length)];
        return string.Concat(word.AsSpan(0, at), (char.IsUpper(word[at]) ? char.ToUpperInvariant(look) : look).ToString(), word.AsSpan(at + 1));
    }

    /// <summary>One misspelling of the word (one occurrence of a listed spelling replaced); null when none applies.</summary>
    public string? Misspell(string word, ref Xoshiro256 rng)
    {
        var lower = word.ToLowerInvariant();
        var sites = new List<(int Pair, int At)>();
        for (var p = 0; p < Misspellings.Count; p++)
        {
            var correct = Misspellings[p].Correct;
            for (var at = lower.IndexOf(correct, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(correct, at + 1, StringComparison.Ordinal))
            {
                sites.Add((p, at));
            }
        }

        if (sites.Count == 0)
        {
            return null;
        }

        var (pair, position) = sites[rng.NextInt(sites.Count)];
        var (from, to) = Misspellings[pair];
        var misspelt = string.Concat(lower.AsSpan(0, position), to, lower.AsSpan(position + from.Length));
        return misspelt == lower ? null : TextWords.MatchCase(word, misspelt);
    }

    /// <summary>The word's synonyms, in list order, in the word's case.</summary>
    public IReadOnlyList<string> SynonymsOf(string word) =>
        Synonyms.TryGetValue(word.ToLowerInvariant(), out var found) ? [.. found.Select(s => TextWords.MatchCase(word, s))] : [];

    /// <summary>
    /// Substitutions for one word, for a search that tries them in order: every synonym, then one misspelling, one
    /// homoglyph and one typo (seeded), without repeats or the word itself.
    /// </summary>
    public List<string> Substitutions(string word, ref Xoshiro256 rng)
    {
        var result = new List<string>(SynonymsOf(word));
        foreach (var candidate in new[] { Misspell(word, ref rng), Homoglyph(word, ref rng), Typo(word, ref rng) })
        {
            if (candidate is not null)
            {
                result.Add(candidate);
            }
        }

        return [.. result.Where(c => c != word).Distinct(StringComparer.Ordinal)];
    }

    private static List<string> Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CatInherit." + name)
            ?? throw new InvalidOperationException($"Built-in list {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Lines "headword TAB synonym,synonym" (a part-of-speech field between them is allowed and ignored).</summary>
    private static Dictionary<string, string[]> ReadSynonyms(List<string> lines, CheckSpec? check, List<Diagnostic>? diagnostics)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var fields = lines[i].Split('\t');
            var synonyms = fields[^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length < 2 || synonyms.Length == 0)
            {
                Bad(check, diagnostics, "synonyms", $"line {i + 1} of the synonym list is not 'word<TAB>synonym,synonym'");
                continue;
            }

            result.TryAdd(fields[0].Trim().ToLowerInvariant(), synonyms);
        }

        return result;
    }

    /// <summary>Lines "correct TAB misspelt".</summary>
    private static List<(string, string)>? ReadPairs(List<string> lines, CheckSpec? check, List<Diagnostic>? diagnostics)
    {
        var result = new List<(string, string)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var fields = lines[i].Split('\t');
            if (fields.Length != 2 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                Bad(check, diagnostics, "misspellings", $"line {i + 1} of the misspelling list is not 'correct<TAB>misspelt'");
                continue;
            }

            result.Add((fields[0].Trim().ToLowerInvariant(), fields[1].Trim().ToLowerInvariant()));
        }

        return result;
    }

    private static void Bad(CheckSpec? check, List<Diagnostic>? diagnostics, string key, string message)
    {
        if (check is null || diagnostics is null)
        {
            throw new InvalidOperationException($"Built-in list: {message}.");
        }

        if (diagnostics.Count(d => d.Location == check.Values.LocationOf(key)) < 5)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf(key), string.Create(CultureInfo.InvariantCulture, $"check '{check.Id}': {message} (counting non-comment lines)")));
        }
    }
}
