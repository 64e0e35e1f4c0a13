using CatInherit.Tests.Support;

namespace CatInherit.IntegrationTests;

/// <summary>
/// The README's "Getting started", followed literally: the feed was packed with its pack command (see
/// <see cref="PackagedFeed"/>), its files are written as they stand with the two values step 1 prints filled
/// in, and its commands run; the output it shows must appear.
/// </summary>
[Collection("consumers")]
public sealed class GettingStartedTests(PackagedFeed feed) : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private void WriteFiles(string prefix, string? renameFolderTo = null)
    {
        foreach (var (path, content) in ReadmeGettingStarted.Files(prefix))
        {
            var filled = content.Replace(ReadmeGettingStarted.FeedPlaceholder, feed.Folder, StringComparison.Ordinal)
                .Replace(ReadmeGettingStarted.VersionPlaceholder, feed.Version, StringComparison.Ordinal);
            var target = renameFolderTo is null ? path : renameFolderTo + path[path.IndexOf('/', StringComparison.Ordinal)..];
            folder.Write(target, filled);
        }
    }

    private DotNet.Outcome RunCommands()
    {
        var directory = folder.Path;
        DotNet.Outcome? last = null;
        foreach (var command in ReadmeGettingStarted.Commands("run"))
        {
            if (command[0] == "cd")
            {
                directory = Path.Combine(directory, command[1]);
                continue;
            }

            Assert.Equal("dotnet", command[0]);
            last = DotNet.Run(directory, command[1..]);
        }

        return last ?? throw new InvalidOperationException("The README's run block has no dotnet command.");
    }

    private static void AssertShows(string output)
    {
        // Each documented output line, with "..." standing for what varies (paths, durations, intervals).
        foreach (var line in ReadmeGettingStarted.Block("output").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var fragment in line.Split(["[...]", "..."], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Assert.Contains(fragment, output);
            }
        }
    }

    [Fact]
    public void The_readme_pack_command_is_the_one_that_made_the_feed()
    {
        var arguments = ReadmeGettingStarted.PackArguments(feed.Folder, feed.Version);

        Assert.Equal(["pack", "CatInherit.sln", "-c", "Release", "-o", feed.Folder, "-p:Version=" + feed.Version], arguments);
    }

    [Fact]
    public void Following_the_readme_reaches_a_green_dotnet_test_with_the_gate_xunit_v3()
    {
        WriteFiles("MyModel.Tests/");

        var outcome = RunCommands();

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        AssertShows(outcome.Output);
    }

    [Fact]
    public void Following_the_readme_with_its_xunit_v2_project_also_reaches_green()
    {
        // The v2 variant: the same files, with the v2 project file instead, in MyModel.Tests.V2.
        WriteFiles("MyModel.Tests/", renameFolderTo: "MyModel.Tests.V2");
        File.Delete(folder.File("MyModel.Tests.V2/MyModel.Tests.csproj"));
        WriteFiles("MyModel.Tests.V2/");

        var outcome = DotNet.Run(folder.File("MyModel.Tests.V2"), "test");

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        AssertShows(outcome.Output.Replace("MyModel.Tests.V2", "MyModel.Tests", StringComparison.Ordinal));
    }
}
