using System.Globalization;
using CatInherit.Tests.Support;
using Xunit.Abstractions;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>
/// The fuzzer, bounded (a fixed seed and input count) so CI runs it on every change; set CATINHERIT_FUZZ_SECONDS
/// (0: until stopped), CATINHERIT_FUZZ_ITERATIONS and CATINHERIT_FUZZ_SEED to run it longer (docs/fuzzing.md).
/// </summary>
[Collection("cli")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>CI's run: 8–20 s on a two-core machine.</summary>
    private const int CiIterations = 2000;

    private const int CiSeed = 12;

    [Fact]
    public void Every_mutated_input_keeps_the_contract()
    {
        var seconds = Number("CATINHERIT_FUZZ_SECONDS");
        var options = new FuzzOptions(
            Number("CATINHERIT_FUZZ_SEED") ?? CiSeed,
            Number("CATINHERIT_FUZZ_ITERATIONS") ?? (seconds is null ? CiIterations : null),
            seconds is null or 0 ? null : TimeSpan.FromSeconds(seconds.Value),
            Environment.GetEnvironmentVariable("CATINHERIT_FUZZ_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(RepoPaths.Root, "artifacts", "fuzz"));

        var summary = Fuzzer.Run(options);

        output.WriteLine(summary.ToString());
        Assert.True(summary.Findings.Count == 0, summary.ToString());
        Assert.True(summary.ExitCodes.Keys.Order().SequenceEqual([0, 1, 2]), $"the inputs should reach every outcome: {summary}");
    }

    public static TheoryData<string> Seeds() => [.. FuzzSeeds.All.Select(s => s.Name)];

    /// <summary>Mutations start from valid inputs: each seed passes or fails its gates, it is never rejected.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_seed_is_a_valid_input(string name)
    {
        using var folder = new TempFolder();

        var (outcome, problem) = Fuzzer.RunOne(FuzzSeeds.All.Single(s => s.Name == name).Clone(), new FuzzOptions(0, 1, null, folder.Path));

        Assert.Null(problem);
        Assert.True(outcome!.ExitCode is 0 or 1, outcome.Stderr);
    }

    public static TheoryData<string> Regressions() =>
        [.. Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests", "CatInherit.Cli.Tests", "Fuzzing", "Regressions")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    /// <summary>Inputs the fuzzer once broke the contract with, kept so they stay fixed.</summary>
    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_saved_finding_keeps_the_contract(string name)
    {
        var input = FuzzCase.Load(Path.Combine(RepoPaths.Root, "tests", "CatInherit.Cli.Tests", "Fuzzing", "Regressions", name));
        using var folder = new TempFolder();

        var (outcome, problem) = Fuzzer.RunOne(input, new FuzzOptions(0, 1, null, folder.Path));

        Assert.Null(problem);
        Assert.Equal(2, outcome!.ExitCode);
    }

    private static int? Number(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
