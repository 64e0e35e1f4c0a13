using System.Text;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Hardening;

/// <summary>Writes a policy and its data (bytes as given) and returns the run's diagnostics as the CLI prints them.</summary>
internal static class HardeningRun
{
    public static RunResult Run(TempFolder folder, string policy, params (string File, byte[] Bytes)[] files)
    {
        foreach (var (file, bytes) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder.File(file))!);
            File.WriteAllBytes(folder.File(file), bytes);
        }

        return PolicyRun.RunFile(folder.Write("catinherit.yaml", policy));
    }

    public static string[] Problems(TempFolder folder, string policy, params (string File, byte[] Bytes)[] files) =>
        [.. Run(folder, policy, files).Diagnostics.Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))];

    public static (string File, byte[] Bytes) Text(string file, string text) => (file, Encoding.UTF8.GetBytes(text));
}
