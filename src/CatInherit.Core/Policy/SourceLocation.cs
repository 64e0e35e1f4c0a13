namespace CatInherit.Policy;

/// <summary>A position in an input file. Line and column are 1-based; 0 means "not known".</summary>
/// <param name="File">The file as the user named it (or resolved from the policy).</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that names only a file.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);
}
