using System.Diagnostics;
using System.Xml.Linq;

namespace CatInherit.IntegrationTests;

/// <summary>Runs the dotnet CLI in a folder and reads TRX results.</summary>
internal static class DotNet
{
    public static string RepoRoot { get; } = FindRoot();

    public sealed record Outcome(int ExitCode, string Output);

    /// <summary>One TRX result; <paramref name="ClassName"/> is the class the test belongs to (TRX's TestMethod className).</summary>
    public sealed record TestResult(string Name, string Outcome, string Message, string Output, string ClassName = "");

    public static Outcome Run(string directory, params string[] args) => Run(directory, new Dictionary<string, string>(), args);

    /// <summary>Runs dotnet with extra environment variables (e.g. <c>CATINHERIT_SEED</c>).</summary>
    public static Outcome Run(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The consumer must not inherit this test run's own settings (e.g. a TRX logger or MSBuild node reuse).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("VSTEST_HOST_DEBUG");
        // CI=true turns a missing approved baseline into a failure; consumers behave the same on every machine.
        start.Environment.Remove("CI");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in 8 minutes.");
        }

        return new Outcome(process.ExitCode, stdout.Result + stderr.Result);
    }

    public static List<TestResult> ReadTrx(string path)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var document = XDocument.Load(path);
        var classes = document.Descendants(ns + "UnitTest").ToDictionary(t => (string)t.Attribute("id")!, t => (string?)t.Element(ns + "TestMethod")?.Attribute("className") ?? string.Empty);
        return [.. document.Descendants(ns + "UnitTestResult").Select(r => new TestResult(
            (string)r.Attribute("testName")!,
            (string)r.Attribute("outcome")!,
            (string?)r.Descendants(ns + "Message").FirstOrDefault() ?? string.Empty,
            (string?)r.Descendants(ns + "StdOut").FirstOrDefault() ?? string.Empty,
            classes.GetValueOrDefault((string)r.Attribute("testId")!, string.Empty)))];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CatInherit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the integration tests from inside the repository.");
    }
}
