using System.Text;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>One fuzz input: the files of a policy folder, and the command (<c>check</c> or <c>validate</c>) run on its policy.</summary>
internal sealed class FuzzCase
{
    public const string CommandFile = "fuzz-command.txt";

    public FuzzCase(string name, string command, string policy, Dictionary<string, byte[]> files)
    {
        Name = name;
        Command = command;
        Policy = policy;
        Files = files;
    }

    public string Name { get; }

    public string Command { get; set; }

    /// <summary>The policy's file name inside the folder.</summary>
    public string Policy { get; }

    /// <summary>File name → contents.</summary>
    public Dictionary<string, byte[]> Files { get; }

    public static FuzzCase FromText(string name, string command, string policy, params (string File, string Text)[] files) =>
        new(name, command, policy, files.ToDictionary(f => f.File, f => Encoding.UTF8.GetBytes(f.Text), StringComparer.Ordinal));

    public FuzzCase Clone() => new(Name, Command, Policy, Files.ToDictionary(f => f.Key, f => (byte[])f.Value.Clone(), StringComparer.Ordinal));

    /// <summary>Writes the files (and the command, so a saved case can be replayed) into an empty <paramref name="folder"/>.</summary>
    public void WriteTo(string folder, bool withCommand = false)
    {
        Directory.CreateDirectory(folder);
        foreach (var (file, bytes) in Files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), bytes);
        }

        if (withCommand)
        {
            File.WriteAllText(Path.Combine(folder, CommandFile), $"{Command} {Policy}\n");
        }
    }

    /// <summary>Reads a case saved with <see cref="WriteTo"/> (a finding, or a regression kept in the repository).</summary>
    public static FuzzCase Load(string folder)
    {
        var command = File.ReadAllText(Path.Combine(folder, CommandFile)).Trim().Split(' ', 2);
        var files = Directory.GetFiles(folder)
            .Where(f => Path.GetFileName(f) is not (CommandFile or "finding.txt"))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        return new FuzzCase(Path.GetFileName(folder), command[0], command[1], files);
    }
}
