namespace CatInherit.Running;

/// <summary>Where a test's policy file is: the test assembly's folder first, then the folder of the source file that names it.</summary>
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

        var candidates = new[]
        {
            assemblyDirectory is null ? null : Path.Combine(assemblyDirectory, path),
            string.IsNullOrEmpty(sourceFile) ? null : Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", path),
        }.OfType<string>().Select(Path.GetFullPath).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates.FirstOrDefault() ?? Path.GetFullPath(path);
    }
}
