using System.CommandLine;
using CatInherit.Probes;
using CatInherit.Running;

namespace CatInherit.Cli;

/// <summary><c>catinherit validate POLICY</c>: loads the policy and reports every problem; runs nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var policy = new Argument<string>("policy") { Description = "The policy YAML file." };
        var command = new Command("validate", "Check a policy for errors without running it.") { policy };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(policy)!;
            var result = CheckKinds.Load(path);
            ConsoleOutput.WriteDiagnostics(result.Diagnostics, stderr);
            if (result.Policy is null)
            {
                return ExitCodes.InvalidInput;
            }

            stdout.WriteLine($"{path}: valid ({result.Policy.Checks.Count} checks, {result.Policy.Datasets.Count} datasets)");
            return ExitCodes.Passed;
        });
        return command;
    }
}
