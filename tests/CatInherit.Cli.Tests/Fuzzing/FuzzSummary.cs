using System.Globalization;
using System.Text;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>What a fuzz run did.</summary>
internal sealed record FuzzSummary(int Iterations, TimeSpan Elapsed, IReadOnlyList<FuzzFinding> Findings, IReadOnlyDictionary<int, int> ExitCodes)
{
    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Iterations} inputs in {Elapsed.TotalSeconds:0.0} s; exit codes {string.Join(", ", ExitCodes.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))}; {Findings.Count} findings");
        foreach (var finding in Findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  #{finding.Iteration}: {finding.Problem} ({finding.Mutation}) → {finding.Folder}");
        }

        return text.ToString();
    }
}
