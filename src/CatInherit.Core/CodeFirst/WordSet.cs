using System.Runtime.CompilerServices;

namespace CatInherit.CodeFirst;

/// <summary>A set of words for an embedding-association test: the words themselves, or a word-list file (one word per line).</summary>
public sealed class WordSet
{
    private WordSet(IReadOnlyList<string>? words, string? file)
    {
        Words = words;
        File = file;
    }

    internal IReadOnlyList<string>? Words { get; }

    internal string? File { get; }

    /// <summary>The set as a policy writes it: a list of words, or the file's path.</summary>
    internal object PolicyValue => File is { } file ? file : Words!.ToArray();

    /// <summary>The words given.</summary>
    /// <param name="words">The words (or phrases).</param>
    public static WordSet Of(params string[] words) => Of((IEnumerable<string>)words);

    /// <summary>The words given.</summary>
    /// <param name="words">The words (or phrases).</param>
    public static WordSet Of(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new([.. words], null);
    }

    /// <summary>The words of a file, one per line; a relative path is looked up in the working folder, then beside the source file.</summary>
    /// <param name="path">The word-list file.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    public static WordSet FromFile(string path, [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(null, CodeFirstPaths.Resolve(path, callerFile));
    }

    /// <inheritdoc />
    public override string ToString() => File ?? string.Join(", ", Words!);
}
