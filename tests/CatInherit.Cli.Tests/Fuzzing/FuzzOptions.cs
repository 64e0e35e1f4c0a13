namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>How long and where the fuzzer runs.</summary>
/// <param name="Seed">The mutation seed: the same seed gives the same inputs.</param>
/// <param name="Iterations">Stop after this many inputs (null: no limit).</param>
/// <param name="Duration">Stop after this long (null: no limit).</param>
/// <param name="Directory">Where the working folder and the findings go.</param>
internal sealed record FuzzOptions(int Seed, int? Iterations, TimeSpan? Duration, string Directory)
{
    /// <summary>An input that has not finished after this long is a hang.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public string Findings => Path.Combine(Directory, "findings");

    /// <summary>The input being run: if the process itself dies (a stack overflow), the input that killed it is here.</summary>
    public string Work => Path.Combine(Directory, "work");
}
