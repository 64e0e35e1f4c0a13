namespace CatInherit.Reports;

/// <summary>
/// Where each of several policies writes its reports, so that no two share a folder: one policy writes into
/// the report folder itself; several write into sub-folders named by each policy's path relative to the
/// policies' deepest common folder, without the extension (<c>fairness/catinherit</c>,
/// <c>privacy/catinherit</c>). Two files that differ only by extension keep it (<c>a.yaml</c>, <c>a.yml</c>).
/// </summary>
public static class ReportFolders
{
    /// <summary>The report folder of each policy, in the order given.</summary>
    /// <param name="policies">The policy files.</param>
    /// <param name="root">The report folder.</param>
    public static IReadOnlyList<string> For(IReadOnlyList<string> policies, string root)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var full = policies.Select(Path.GetFullPath).ToList();
        if (full.Distinct(Comparer).Count() <= 1)
        {
            return [.. full.Select(_ => root)];
        }

        var common = CommonFolder(full.Select(p => Path.GetDirectoryName(p) ?? p).ToList());
        var relative = full.Select(p => Path.GetRelativePath(common, p)).ToList();
        var stems = relative.Select(r => Path.ChangeExtension(r, null)).ToList();
        return [.. relative.Select((r, i) => Path.Combine(root, stems.Count(s => Comparer.Equals(s, stems[i])) > 1 ? r : stems[i]))];
    }

    private static StringComparer Comparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static string CommonFolder(List<string> folders)
    {
        var common = folders[0];
        while (!folders.All(f => IsWithin(f, common)) && Path.GetDirectoryName(common) is { } parent)
        {
            common = parent;
        }

        return common;
    }

    private static bool IsWithin(string folder, string ancestor) =>
        Comparer.Equals(folder, ancestor) || folder.StartsWith(Path.TrimEndingDirectorySeparator(ancestor) + Path.DirectorySeparatorChar, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
