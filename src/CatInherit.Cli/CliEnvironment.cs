namespace CatInherit.Cli;

/// <summary>The environment variables the command line reads, read once (tests pass their own).</summary>
internal sealed record CliEnvironment
{
    /// <summary><c>NO_COLOR</c> set to anything: no colours, no live bars.</summary>
    public bool NoColor { get; init; }

    /// <summary><c>CATINHERIT_DEBUG=1</c>: print the stack trace of an internal error.</summary>
    public bool Debug { get; init; }

    /// <summary><c>GITHUB_STEP_SUMMARY</c>: the file GitHub Actions shows as the job summary; the Markdown report is appended to it.</summary>
    public string? GitHubStepSummary { get; init; }

    /// <summary><c>TF_BUILD=True</c>: running under Azure Pipelines.</summary>
    public bool AzurePipelines { get; init; }

    /// <summary>The current process's environment.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Debug = Environment.GetEnvironmentVariable("CATINHERIT_DEBUG") == "1",
        GitHubStepSummary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary ? summary : null,
        AzurePipelines = string.Equals(Environment.GetEnvironmentVariable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase),
    };
}
