using System.CommandLine;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.Cli;

/// <summary><c>catinherit check POLICY</c>: runs every check, prints results, writes reports, exits 0/1/2.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        var policy = new Argument<string>("policy") { Description = "The policy YAML file." };
        var reportDir = new Option<string?>("--report-dir") { Description = "Write report.json (and the --format files) into this folder." };
        var formats = new Option<string>("--format") { Description = "Extra report formats, comma-separated: md, junit, html.", DefaultValueFactory = _ => "json" };
        // Seed and provider are checked by Core's run-settings resolver, like CATINHERIT_SEED and CATINHERIT_PROVIDER.
        var seed = new Option<string?>("--seed") { Description = "Bootstrap seed (default: CATINHERIT_SEED, else 0); the same inputs and seed give identical reports." };
        var provider = new Option<string?>("--provider") { Description = "Override the models' execution provider: auto, cpu or cuda (default: CATINHERIT_PROVIDER, else each model's own)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Run the model even when its outputs are cached." };
        var failOnWarning = new Option<bool>("--fail-on-warning") { Description = "Exit 1 when a check warns." };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };
        var noColor = new Option<bool>("--no-color") { Description = "No colours or live progress bars on stderr (also when NO_COLOR is set)." };
        var shard = new Option<string?>("--shard") { Description = "Run shard I of N (e.g. 2/4): infer only this shard's rows and write a partial file for 'catinherit merge' (default: CATINHERIT_SHARD)." };
        var partialDir = new Option<string?>("--partial-dir") { Description = "The folder a shard writes its partial file into (default: CATINHERIT_PARTIAL_DIR)." };

        var command = new Command("check", "Run a policy's checks and gate on them.") { policy, reportDir, formats, seed, provider, noCache, failOnWarning, quiet, noColor, shard, partialDir };
        command.SetAction(parse =>
        {
            var writers = ParseFormats(parse.GetValue(formats) ?? "json", stderr);
            if (writers is null)
            {
                return ExitCodes.InvalidInput;
            }

            var isQuiet = parse.GetValue(quiet);
            var color = !parse.GetValue(noColor) && !environment.NoColor;
            var settings = new List<Diagnostic>();
            var options = RunSettings.Resolve(new RunSettingsRequest { Seed = parse.GetValue(seed), SeedSource = "--seed", Provider = parse.GetValue(provider), ProviderSource = "--provider", UseCache = parse.GetValue(noCache) ? false : null, Shard = parse.GetValue(shard), ShardSource = "--shard", PartialDirectory = parse.GetValue(partialDir) }, settings);
            if (options is null)
            {
                ConsoleOutput.WriteDiagnostics(settings, stderr);
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(policy)!;

            // Live bars only when a person watches stderr; logs get one line per model.
            var live = !isQuiet && color && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            var result = live
                ? LiveProgress.Run(progress => PolicyRunner.Run(path, options, progress), stderr, color)
                : PolicyRunner.Run(path, options, isQuiet ? null : new ProgressPrinter(stderr));
            ConsoleOutput.WriteDiagnostics(result.Diagnostics, stderr);
            if (result.PartialFile is { } partial)
            {
                // A shard gates nothing: 'catinherit merge' gates on every shard's partial together.
                if (!isQuiet)
                {
                    stderr.WriteLine($"wrote {ReportText.Terminal(partial)} (shard {options.Shard}); merge every shard's partial with 'catinherit merge'");
                }

                return ExitCodes.Passed;
            }

            return Finish(result, parse.GetValue(reportDir), writers, isQuiet, parse.GetValue(failOnWarning), stdout, stderr, environment);
        });
        return command;
    }

    /// <summary>What <c>check</c> and <c>merge</c> do with a report: print it, write the files, gate.</summary>
    internal static int Finish(RunResult result, string? reportDirectory, List<IReportWriter> writers, bool isQuiet, bool failOnWarning, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        if (result.Report is not { } report)
        {
            return ExitCodes.InvalidInput;
        }

        if (!isQuiet)
        {
            ConsoleOutput.WriteChecks(report, stdout, stderr);
        }

        if (reportDirectory is { } directory)
        {
            var files = ReportWriters.TryWriteAll(report, directory, writers, out var problem);
            if (problem is not null)
            {
                stderr.WriteLine(problem.ToString());
                return ExitCodes.InvalidInput;
            }

            // Under Azure Pipelines, junit.xml also goes where PublishTestResults looks by default.
            if (environment.AzurePipelines && files.FirstOrDefault(f => Path.GetFileName(f) == "junit.xml") is { } junit
                && CiOutputs.CopyJunitForAzure(junit, stderr) is { } azureJunit)
            {
                files = [.. files, azureJunit];
            }

            foreach (var file in files.Where(_ => !isQuiet))
            {
                stderr.WriteLine($"wrote {ReportText.Terminal(file)}");
            }
        }

        if (environment.GitHubStepSummary is { } summary)
        {
            CiOutputs.AppendStepSummary(report, summary, stderr);
        }

        return ExitCodes.For(report, failOnWarning);
    }

    internal static List<IReportWriter>? ParseFormats(string text, TextWriter stderr)
    {
        var writers = new List<IReportWriter>();
        var ok = true;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ReportWriters.Find(name) is { } writer)
            {
                writers.Add(writer);
                continue;
            }

            ok = false;
            var known = ReportWriters.All.Select(w => w.Format).ToList();
            var message = $"--format: unknown format '{name}'.{Suggestions.DidYouMean(name, known)} Available: {string.Join(", ", known)}";
            stderr.WriteLine(Diagnostic.Error(DiagnosticCodes.InvalidOption, default, message).ToString());
        }

        return ok ? writers : null;
    }
}
