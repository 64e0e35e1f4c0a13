namespace CatInherit.Running;

/// <summary>
/// The checks whose tests ran in a test run, so the MSBuild gate after <c>dotnet test --filter ...</c> gates
/// what ran rather than the whole policy. The gate target creates the folder before the tests; test adapters
/// append to it only when it exists, so nothing is written unless a filtered, gated run asked for it.
/// </summary>
public static class RanChecks
{
    /// <summary>The record's folder name, inside the test assembly's folder.</summary>
    public const string FolderName = "catinherit-ran";

    private static readonly Lock Gate = new();

    /// <summary>Records that the test of <paramref name="checkId"/> ran (a no-op unless the gate prepared the folder).</summary>
    /// <param name="assemblyDirectory">The test assembly's folder.</param>
    /// <param name="policyPath">The resolved policy file.</param>
    /// <param name="checkId">The check's id.</param>
    public static void Record(string? assemblyDirectory, string policyPath, string checkId)
    {
        if (string.IsNullOrEmpty(assemblyDirectory) || !Directory.Exists(Path.Combine(assemblyDirectory, FolderName)))
        {
            return;
        }

        // One file per process: test hosts of several target frameworks may run at once.
        var file = Path.Combine(assemblyDirectory, FolderName, $"{Environment.ProcessId}.tsv");
        lock (Gate)
        {
            File.AppendAllText(file, $"{Path.GetFullPath(policyPath)}\t{checkId}\n");
        }
    }

    /// <summary>The recorded check ids by full policy path; empty when the folder is missing or empty.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string folder)
    {
        var ran = new Dictionary<string, HashSet<string>>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var line in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal).SelectMany(File.ReadLines))
            {
                if (line.Split('\t') is [var policy, var check])
                {
                    (ran.TryGetValue(policy, out var checks) ? checks : ran[policy] = new HashSet<string>(StringComparer.Ordinal)).Add(check);
                }
            }
        }

        return ran.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, ran.Comparer);
    }
}
