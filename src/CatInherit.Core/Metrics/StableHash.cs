using System.Text;

namespace CatInherit.Metrics;

/// <summary>FNV-1a over UTF-8: a string hash that, unlike <see cref="string.GetHashCode()"/>, is the same in every process.</summary>
internal static class StableHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The seed of one check: the run's seed mixed with the check id, so adding a check leaves the others' intervals unchanged.</summary>
    public static ulong CheckSeed(int runSeed, string checkId) => unchecked((ulong)runSeed * 0x9E3779B97F4A7C15UL) ^ Of(checkId);
}
