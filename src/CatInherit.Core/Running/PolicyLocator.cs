namespace CatInherit.Running;

/// <summary>
/// Where a test's policy file is: the test assembly's folder first, then the folder of the source file that
/// names it, then the folders above the assembly (bin/Debug/net10.0 → … → the project folder). The last
/// matters in deterministic CI builds, where source paths are mapped to <c>/_/…</c> and name no real folder.
/// </summary>
public static class PolicyLocator
{
    /// <summary>The first existing candidate, or the assembly-relative path when none exists (so the loader reports it).</summary>
    public static string Resolve(string path, string? assemblyDirectory, string? sourceFile)
    {
        var candidates = Candidates(path, assemblyDirectory, sourceFile);
        return candidates.FirstOrDefault(c => File.Exists(c.Path)).Path ?? candidates.FirstOrDefault().Path ?? Path.GetFullPath(path);
    }

    /// <summary>Every place <see cref="Resolve"/> looks, in order, each with where it comes from (for "not found" messages).</summary>
    public static IReadOnlyList<(string Path, string Origin)> Candidates(string path, string? assemblyDirectory, string? sourceFile)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return [(path, "as written")];
        }

        assemblyDirectory = string.IsNullOrEmpty(assemblyDirectory) ? null : assemblyDirectory;
        var candidates = new List<(string Path, string Origin)>();
        if (assemblyDirectory is not null)
        {
            candidates.Add((Path.GetFullPath(Path.Combine(assemblyDirectory, path)), "the test assembly's folder"));
        }

        if (!string.IsNullOrEmpty(sourceFile))
        {
            candidates.Add((Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", path)), "the folder of the source file that names it"));
        }

        candidates.AddRange(Ancestors(assemblyDirectory).Select(dir => (Path.GetFullPath(Path.Combine(dir, path)), "a folder above the test assembly")));
        return candidates;
    }

    private static IEnumerable<string> Ancestors(string? directory)
    {
        var current = directory is null ? null : Directory.GetParent(directory);
        for (var depth = 0; current is not null && depth < 6; depth++, current = current.Parent)
        {
            yield return current.FullName;
        }
    }
}
