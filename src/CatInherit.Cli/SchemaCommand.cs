using System.CommandLine;
using CatInherit.Policy.Schema;
using CatInherit.Probes;
using CatInherit.Running;

namespace CatInherit.Cli;

/// <summary><c>catinherit schema</c>: prints the policy JSON Schema for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("schema", "Print the JSON Schema of policy files (for YAML language servers).");
        command.SetAction(_ =>
        {
            stdout.Write(JsonSchemaWriter.Write(CheckKinds.Catalog));
            return ExitCodes.Passed;
        });
        return command;
    }
}
