using System.CommandLine;
using CatInherit.Metrics;
using CatInherit.Reports;
using CatInherit.Running;

namespace CatInherit.Cli;

/// <summary><c>catinherit validate POLICY</c>: reports every problem of the policy, its data files' headers and its models' signatures; runs nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var policy = new Argument<string>("policy") { Description = "The policy YAML file." };
        var command = new Command("validate", "Check a policy for errors without running it.") { policy };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(policy)!;
            var result = PolicyValidator.Validate(path);
            ConsoleOutput.WriteDiagnostics(result.Diagnostics, stderr);
            if (result.Policy is null)
            {
                return ExitCodes.InvalidInput;
            }

            stdout.WriteLine($"{ReportText.Terminal(path)}: valid ({Numbers.Count(result.Policy.Checks.Count, "check")}, {Numbers.Count(result.Policy.Datasets.Count, "dataset")})");
            return ExitCodes.Passed;
        });
        return command;
    }
}
