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
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        assemblyDirectory = string.IsNullOrEmpty(assemblyDirectory) ? null : assemblyDirectory;

        var candidates = new[]
        {
            assemblyDirectory is null ? null : Path.Combine(assemblyDirectory, path),
            string.IsNullOrEmpty(sourceFile) ? null : Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", path),
        }.Concat(Ancestors(assemblyDirectory).Select(dir => Path.Combine(dir, path))).OfType<string>().Select(Path.GetFullPath).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates.FirstOrDefault() ?? Path.GetFullPath(path);
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
