using System.CommandLine;
using CatInherit.Policy;
using CatInherit.Running;

namespace CatInherit.Cli;

/// <summary>The <c>catinherit</c> command line: parses options, calls Core, maps outcomes to exit codes.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CliEnvironment.FromProcess());

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        try
        {
            var root = BuildCommands(stdout, stderr, environment);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine(Diagnostic.Error(DiagnosticCodes.InvalidOption, default, error.Message).ToString());
                }

                stderr.WriteLine("Run 'catinherit --help' for usage.");
                return ExitCodes.InvalidInput;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            stderr.WriteLine(Diagnostic.Error(DiagnosticCodes.InternalError, default, $"internal error: {ex.GetType().Name}: {ex.Message}. This is a bug in CatInherit; please report it with the policy that caused it.").ToString());
            if (environment.Debug)
            {
                stderr.WriteLine(ex.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    private static RootCommand BuildCommands(TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        var root = new RootCommand("CatInherit: catch what a model inherits from its pretrained foundation (bias, fragility, leakage) as gated checks.");
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr, environment));
        root.Subcommands.Add(MergeCommand.Create(stdout, stderr, environment));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(MitigateCommand.Create(stdout, stderr));
        root.Subcommands.Add(SchemaCommand.Create(stdout));
        return root;
    }
}
