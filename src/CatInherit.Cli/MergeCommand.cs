using System.CommandLine;
using CatInherit.Policy;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.Cli;

/// <summary><c>catinherit merge DIR...</c>: merges every shard's partial into one report, prints it, writes reports, exits 0/1/2 like <c>check</c>.</summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        var directories = new Argument<string[]>("partial-dirs") { Description = "Folders holding the shards' partial files (searched with their subfolders).", Arity = ArgumentArity.OneOrMore };
        var reportDir = new Option<string?>("--report-dir") { Description = "Write report.json (and the --format files) into this folder." };
        var formats = new Option<string>("--format") { Description = "Extra report formats, comma-separated: md, junit, html.", DefaultValueFactory = _ => "json" };
        var failOnWarning = new Option<bool>("--fail-on-warning") { Description = "Exit 1 when a check warns." };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };

        var command = new Command("merge", "Merge the partial files of a sharded run (catinherit check --shard I/N) into one report, and gate on it.") { directories, reportDir, formats, failOnWarning, quiet };
        command.SetAction(parse =>
        {
            var writers = CheckCommand.ParseFormats(parse.GetValue(formats) ?? "json", stderr);
            if (writers is null)
            {
                return ExitCodes.InvalidInput;
            }

            // The seed and the check selection come from the partials; baselines from this environment, as for check.
            var settings = new List<Diagnostic>();
            var options = RunSettings.Resolve(new RunSettingsRequest(), settings);
            if (options is null)
            {
                ConsoleOutput.WriteDiagnostics(settings, stderr);
                return ExitCodes.InvalidInput;
            }

            var isQuiet = parse.GetValue(quiet);
            var result = ShardMerge.Merge(parse.GetValue(directories) ?? [], options, isQuiet ? null : new ProgressPrinter(stderr));
            ConsoleOutput.WriteDiagnostics(result.Diagnostics, stderr);
            return CheckCommand.Finish(result, parse.GetValue(reportDir), writers, isQuiet, parse.GetValue(failOnWarning), stdout, stderr, environment);
        });
        return command;
    }
}
