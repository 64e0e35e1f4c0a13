using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace CatInherit.Probes.Counterfactual;

/// <summary>
/// Word pairs swapped in both directions. Only whole words change (a name inside a longer word does not),
/// case is carried over (he → she, He → She, HE → SHE), and a possessive "'s" stays attached.
/// </summary>
internal sealed partial class SwapList
{
    /// <summary>Built-in lists, as <c>swap:</c> names them.</summary>
    public static readonly IReadOnlyList<string> BuiltIn = ["gender-terms", "names", "gender"];

    private readonly Dictionary<string, string> map;

    private SwapList(Dictionary<string, string> map, IReadOnlyList<string> sources)
    {
        this.map = map;
        Sources = sources;
    }

    /// <summary>The left-hand side of each pair, in list order (what a template's <c>{swap}</c> is filled with).</summary>
    public IReadOnlyList<string> Sources { get; }

    public static SwapList Load(string name) => name switch
    {
        "gender" => FromPairs([.. Pairs("gender-terms.tsv"), .. Pairs("names.tsv")]),
        _ => FromPairs(Pairs(name + ".tsv")),
    };

    /// <summary>The pairs of a built-in list, as written (a projection's bias pairs read them too).</summary>
    public static IReadOnlyList<(string From, string To)> BuiltInPairs(string name) => name switch
    {
        "gender" => [.. Pairs("gender-terms.tsv"), .. Pairs("names.tsv")],
        _ => Pairs(name + ".tsv"),
    };

    public static SwapList FromPairs(IReadOnlyList<(string From, string To)> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (from, to) in pairs)
        {
            map.TryAdd(from, to);
            map.TryAdd(to, from);
        }

        return new SwapList(map, [.. pairs.Select(p => p.From)]);
    }

    /// <summary>The text with every listed word swapped, or null when it contains none.</summary>
    public string? Swap(string text)
    {
        var changed = false;
        var result = WordPattern().Replace(text, match =>
        {
            if (!map.TryGetValue(match.Value, out var counterpart))
            {
                return match.Value;
            }

            changed = true;
            return MatchCase(match.Value, counterpart);
        });
        return changed ? result : null;
    }

    private static string MatchCase(string original, string replacement)
    {
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return replacement.ToUpperInvariant();
        }

        if (char.IsUpper(original[0]))
        {
            return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }

        return replacement.ToLowerInvariant();
    }

    private static List<(string, string)> Pairs(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CatInherit." + resource)
            ?? throw new InvalidOperationException($"Built-in list {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var pairs = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            pairs.Add((parts[0].Trim(), parts[1].Trim()));
        }

        return pairs;
    }

    // Letters only: apostrophes, hyphens and digits end a word, so "John's" swaps "John" and keeps "'s".
    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
