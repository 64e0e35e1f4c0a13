using System.Security.Cryptography;
using System.Text;
using CatInherit.Policy;

namespace CatInherit.Running;

/// <summary>The SHA-256 fingerprints that tie a shard's partial to the files it read: the policy and every dataset file.</summary>
internal static class Fingerprints
{
    /// <summary>The policy file's bytes; a policy with no file (built in code) by its name.</summary>
    public static string Policy(InheritancePolicy policy) =>
        File.Exists(policy.FilePath) ? Sha256(policy.FilePath) : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policy.FilePath)));

    /// <summary>Each planned dataset's file (read once per path), in plan order; rows given in code are <c>memory</c>.</summary>
    public static List<DataFingerprint> Data(RunPlan plan, DataSources? sources)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        return [.. plan.Datasets.Select(d => d.Dataset).Select(d => new DataFingerprint(d.Name, d.DisplayPath.Replace('\\', '/'),
            sources?.Find(d) is not null ? "memory" : hashes.TryGetValue(d.Path, out var known) ? known : hashes[d.Path] = Sha256(d.Path)))];
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
