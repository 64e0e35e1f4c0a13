using System.Text.RegularExpressions;

namespace CatInherit.IntegrationTests;

/// <summary>
/// The README's "Getting started" section, read from README.md: each fenced block after a
/// <c>&lt;!-- getting-started: NAME --&gt;</c> marker. The tests run these blocks, so the README cannot drift.
/// </summary>
internal static partial class ReadmeGettingStarted
{
    /// <summary>The feed path the README tells the reader to replace with the one step 1 printed.</summary>
    public const string FeedPlaceholder = "/path/to/catinherit/artifacts/feed";

    /// <summary>The version the README tells the reader to replace with the one step 1 printed.</summary>
    public const string VersionPlaceholder = "0.1.0-local.20260101120000";

    private static readonly Lazy<Dictionary<string, string>> Blocks = new(() => Parse(File.ReadAllText(Path.Combine(DotNet.RepoRoot, "README.md"))));

    /// <summary>The block after the marker <paramref name="name"/>, without its fences.</summary>
    public static string Block(string name) =>
        Blocks.Value.TryGetValue(name, out var block) ? block : throw new InvalidOperationException($"README.md has no '<!-- getting-started: {name} -->' block.");

    /// <summary>The files to create: path (relative to the working folder) → content.</summary>
    public static IEnumerable<(string Path, string Content)> Files(string prefix) =>
        Blocks.Value.Where(b => b.Key.StartsWith("file " + prefix, StringComparison.Ordinal)).Select(b => (b.Key["file ".Length..], b.Value));

    /// <summary>
    /// The README's <c>dotnet pack</c> command, as arguments after <c>dotnet</c>, with the reader's
    /// <c>$PWD/artifacts/feed</c> and <c>$CATINHERIT_VERSION</c> filled in.
    /// </summary>
    public static string[] PackArguments(string feed, string version)
    {
        var line = Block("pack").Split('\n').Single(l => l.StartsWith("dotnet pack ", StringComparison.Ordinal));
        var filled = line.Replace("$PWD/artifacts/feed", feed, StringComparison.Ordinal).Replace("$CATINHERIT_VERSION", version, StringComparison.Ordinal);
        return [.. Arguments(filled).Skip(1)];
    }

    /// <summary>A block's command lines, split into words (double quotes group, as in a shell).</summary>
    public static IEnumerable<string[]> Commands(string name) =>
        Block(name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => Arguments(l).ToArray());

    private static IEnumerable<string> Arguments(string line) =>
        ArgumentPattern().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    private static Dictionary<string, string> Parse(string readme)
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in BlockPattern().Matches(readme.ReplaceLineEndings("\n")))
        {
            blocks.Add(match.Groups["name"].Value.Trim(), match.Groups["body"].Value);
        }

        return blocks;
    }

    [GeneratedRegex(@"<!-- getting-started: (?<name>[^>]+?) -->\n```[a-z]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex ArgumentPattern();
}
