namespace CatInherit.Tests.Support;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    /// <summary>examples/Sentiment/model, built by examples/Sentiment.Model before these tests.</summary>
    public static string SentimentModel => Path.Combine(Root, "examples", "Sentiment", "model");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CatInherit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
