using CatInherit.Running;

namespace Sentiment.Tests;

/// <summary>Runs examples/Sentiment/catinherit.yaml once per test run; every check's test reads its result.</summary>
internal static class SentimentPolicy
{
    public static string PolicyPath { get; } = Path.Combine(FindExampleDirectory(), "catinherit.yaml");

    private static readonly Lazy<RunResult> Result = new(() => PolicyRunner.Run(PolicyPath, new RunOptions()));

    public static RunResult Run() => Result.Value;

    public static IEnumerable<string> CheckIds()
    {
        var loaded = CatInherit.Policy.PolicyLoader.Load(PolicyPath);
        return loaded.Policy?.Checks.Select(c => c.Id) ?? ["(policy does not load)"];
    }

    private static string FindExampleDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Sentiment");
            if (File.Exists(Path.Combine(candidate, "catinherit.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("examples/Sentiment not found above " + AppContext.BaseDirectory);
    }
}
