using System.Diagnostics;

namespace CatInherit.Cli.Tests;

/// <summary>Runs the CLI in-process (fast) or as a real process of the built catinherit.dll.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The test process's environment without the CI variables the CLI reacts to (a CI running these tests must not see their reports).</summary>
    public static CliEnvironment QuietEnvironment => CliEnvironment.FromProcess() with { GitHubStepSummary = null, AzurePipelines = false };

    public static Outcome InProcess(string workingDirectory, params string[] args) => InProcess(workingDirectory, QuietEnvironment, args);

    public static Outcome InProcess(string workingDirectory, CliEnvironment environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var previous = Directory.GetCurrentDirectory();
        lock (typeof(CliRunner))
        {
            Directory.SetCurrentDirectory(workingDirectory);
            try
            {
                var code = CliApp.Run(args, stdout, stderr, environment);
                return new Outcome(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
    }

    public static Outcome Process(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "catinherit.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        start.Environment.Remove("TF_BUILD");
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout.Result, stderr);
    }
}
