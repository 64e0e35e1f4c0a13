using CatInherit.Running;

namespace CatInherit.CodeFirst;

/// <summary>
/// Where a relative path given in code points, found as a test's policy file is (<see cref="PolicyLocator"/>): the working
/// folder (a test's output folder, where <c>CopyToOutputDirectory</c> puts files), then the folder of the source file that
/// names it, then the folders above the working folder (the project folder, when CI maps source paths to <c>/_/</c>).
/// When none exists, the working folder's, so the error names a path. Absolute paths are taken as written.
/// </summary>
internal static class CodeFirstPaths
{
    /// <summary>The absolute path of <paramref name="path"/>, named in <paramref name="callerFile"/>.</summary>
    public static string Resolve(string path, string callerFile)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 || path.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(path)
            ? path
            : PolicyLocator.Resolve(path, Directory.GetCurrentDirectory(), callerFile);
    }
}
