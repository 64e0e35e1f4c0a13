using System.Diagnostics;
using System.Globalization;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>
/// A seeded, in-process mutation fuzzer for the CLI: each input is a mutated seed folder (policy and data
/// files), run through <c>catinherit check</c> (or <c>validate</c>) exactly as the command line would, and
/// judged by <see cref="FuzzContract"/>. Each finding is saved with its files, the command and the output.
/// </summary>
internal static class Fuzzer
{
    public static FuzzSummary Run(FuzzOptions options)
    {
        var clock = Stopwatch.StartNew();
        var findings = new List<FuzzFinding>();
        var exitCodes = new Dictionary<int, int>();
        var seeds = FuzzSeeds.All;
        var iteration = 0;
        while ((options.Iterations is not { } limit || iteration < limit) && (options.Duration is not { } duration || clock.Elapsed < duration))
        {
            // One generator per input, so input i is the same whatever ran before it.
            var random = new Random(unchecked((options.Seed * 1_000_003) + iteration));
            var input = seeds[random.Next(seeds.Count)].Clone();
            var mutation = new Mutator(random, seeds).Mutate(input);
            var (outcome, problem) = RunOne(input, options);
            exitCodes[outcome?.ExitCode ?? -1] = exitCodes.GetValueOrDefault(outcome?.ExitCode ?? -1) + 1;
            if (problem is not null)
            {
                findings.Add(Save(input, iteration, problem, mutation, outcome, options));
                if (outcome is null)
                {
                    break; // a hang keeps its thread busy: stop rather than pile up more
                }
            }

            iteration++;
        }

        return new FuzzSummary(iteration, clock.Elapsed, findings, exitCodes);
    }

    /// <summary>Runs one input in a fresh working folder; the outcome is null when it did not finish in time.</summary>
    public static (CliRunner.Outcome? Outcome, string? Problem) RunOne(FuzzCase input, FuzzOptions options)
    {
        if (Directory.Exists(options.Work))
        {
            Directory.Delete(options.Work, recursive: true);
        }

        input.WriteTo(options.Work, withCommand: true);
        var policy = Path.Combine(options.Work, input.Policy);
        var reports = Path.Combine(options.Work, "reports");
        string[] args = input.Command == "check"
            ? ["check", policy, "--report-dir", reports, "--format", "md,junit,html", "--no-cache", "--no-color"]
            : ["validate", policy];
        var run = Task.Run(() =>
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            var code = CliApp.Run(args, stdout, stderr);
            return new CliRunner.Outcome(code, stdout.ToString(), stderr.ToString());
        });
        if (!run.Wait(options.Timeout))
        {
            return (null, $"no exit after {options.Timeout.TotalSeconds:0} s (a hang)");
        }

        return (run.Result, FuzzContract.Violation(run.Result, input.Command, reports));
    }

    private static FuzzFinding Save(FuzzCase input, int iteration, string problem, string mutation, CliRunner.Outcome? outcome, FuzzOptions options)
    {
        var folder = Path.Combine(options.Findings, string.Create(CultureInfo.InvariantCulture, $"seed{options.Seed}-{iteration:D6}-{input.Name}"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        input.WriteTo(folder, withCommand: true);
        File.WriteAllText(Path.Combine(folder, "finding.txt"), string.Create(CultureInfo.InvariantCulture,
            $"problem: {problem}\nmutation: {mutation}\nseed: {options.Seed}, input {iteration}\nexit code: {outcome?.ExitCode.ToString(CultureInfo.InvariantCulture) ?? "none (timed out)"}\n--- stdout\n{outcome?.Stdout}\n--- stderr\n{outcome?.Stderr}\n"));
        return new FuzzFinding(iteration, problem, mutation, folder);
    }
}
