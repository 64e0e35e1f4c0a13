using System.CommandLine;
using CatInherit.Mitigation;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.Cli;

/// <summary><c>catinherit mitigate POLICY --out DIR</c>: fits the policy's mitigations, writes the mitigated models and a before/after report, exits 0/1/2.</summary>
internal static class MitigateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var policy = new Argument<string>("policy") { Description = "The policy YAML file, with a 'mitigations:' section." };
        var output = new Option<string>("--out") { Description = "Where the mitigated models, their side files and the before/after reports go.", Required = true };
        var formats = new Option<string>("--format") { Description = "Extra report formats, comma-separated: md, junit, html.", DefaultValueFactory = _ => "json" };
        var seed = new Option<string?>("--seed") { Description = "Bootstrap seed (default: CATINHERIT_SEED, else 0)." };
        var provider = new Option<string?>("--provider") { Description = "Override the models' execution provider: auto, cpu or cuda." };
        var noCache = new Option<bool>("--no-cache") { Description = "Run the models even when their outputs are cached." };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };

        var command = new Command("mitigate", "Fit the policy's mitigations, write each into a copy of its model, and re-run every check on the original and the mitigated models.") { policy, output, formats, seed, provider, noCache, quiet };
        command.SetAction(parse =>
        {
            var writers = new List<IReportWriter>();
            foreach (var name in (parse.GetValue(formats) ?? "json").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ReportWriters.Find(name) is not { } writer)
                {
                    var known = ReportWriters.All.Select(w => w.Format).ToList();
                    stderr.WriteLine(Diagnostic.Error(DiagnosticCodes.InvalidOption, default, $"--format: unknown format '{name}'.{Suggestions.DidYouMean(name, known)} Available: {string.Join(", ", known)}").ToString());
                    return ExitCodes.InvalidInput;
                }

                writers.Add(writer);
            }

            var settings = new List<Diagnostic>();
            var options = RunSettings.Resolve(new RunSettingsRequest { Seed = parse.GetValue(seed), SeedSource = "--seed", Provider = parse.GetValue(provider), ProviderSource = "--provider", UseCache = parse.GetValue(noCache) ? false : null }, settings);
            if (options is null)
            {
                ConsoleOutput.WriteDiagnostics(settings, stderr);
                return ExitCodes.InvalidInput;
            }

            var isQuiet = parse.GetValue(quiet);
            var result = Mitigator.Run(parse.GetValue(policy)!, parse.GetValue(output)!, options, writers, isQuiet ? null : new ProgressPrinter(stderr));
            ConsoleOutput.WriteDiagnostics(result.Diagnostics, stderr);
            if (result.Report is not { } report)
            {
                return ExitCodes.InvalidInput;
            }

            if (!isQuiet)
            {
                foreach (var mitigation in report.Mitigations)
                {
                    stdout.WriteLine($"{(mitigation.Passed ? "PASS" : "FAIL")} mitigation {ReportText.Terminal(mitigation.Id)} ({mitigation.Method}): {ReportText.Terminal(mitigation.After.Summary)} after, {mitigation.Comparisons.Count(c => c.Worse is not null)} check(s) worse");
                    foreach (var worse in mitigation.Comparisons.Where(c => c.Worse is not null))
                    {
                        stdout.WriteLine($"  {ReportText.Terminal(worse.Id)}: {ReportText.Terminal(worse.Worse!)}");
                    }
                }

                foreach (var file in result.Files)
                {
                    stderr.WriteLine($"wrote {ReportText.Terminal(file)}");
                }
            }

            return Mitigator.ExitCode(report);
        });
        return command;
    }
}
