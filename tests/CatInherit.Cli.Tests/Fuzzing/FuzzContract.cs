using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>
/// What every input must give, however broken: exit 0, 1 or 2 (never 3), a canonical CAT error line for 2, no
/// stack trace, no raw control character on the console, and a report folder that holds every requested file,
/// each well-formed, or nothing at all.
/// </summary>
internal static partial class FuzzContract
{
    public static readonly string[] ReportFiles = ["report.json", "report.md", "junit.xml", "report.html"];

    /// <summary>The first broken promise, or null when the outcome keeps the contract.</summary>
    public static string? Violation(CliRunner.Outcome outcome, string command, string reportDirectory)
    {
        if (outcome.ExitCode is not (0 or 1 or 2))
        {
            return $"exit code {outcome.ExitCode} (only 0, 1 and 2 are allowed)";
        }

        var console = outcome.Stdout + outcome.Stderr;
        if (StackFrame().IsMatch(console) || console.Contains("CAT9999", StringComparison.Ordinal))
        {
            return "an internal error or a stack trace on the console";
        }

        foreach (var c in console.Where(IsControl).Take(1))
        {
            return $"an unescaped control character U+{(int)c:X4} on the console";
        }

        if (outcome.ExitCode == 2 && !outcome.ErrorLines.Any(l => ErrorLine().IsMatch(l)))
        {
            return "exit 2 without a canonical 'file(line,col): error CATnnnn: message' line";
        }

        if (command == "validate" && outcome.ExitCode == 1)
        {
            return "validate exited 1";
        }

        var written = Directory.Exists(reportDirectory) ? Directory.GetFiles(reportDirectory).Select(Path.GetFileName).ToList() : [];
        if (command != "check" || outcome.ExitCode == 2)
        {
            return written.Count == 0 ? null : $"files written although the run did not complete: {string.Join(", ", written)}";
        }

        var missing = ReportFiles.Where(f => !written.Contains(f)).ToList();
        if (missing.Count > 0 || written.Count != ReportFiles.Length)
        {
            return $"a partial report folder: missing {string.Join(", ", missing)}; present {string.Join(", ", written)}";
        }

        return ReportProblem(reportDirectory);
    }

    /// <summary>Each report parses: JSON, XML, Markdown tables with a constant column count, HTML without active markup.</summary>
    public static string? ReportProblem(string directory)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "report.json")));
            _ = XDocument.Parse(File.ReadAllText(Path.Combine(directory, "junit.xml")));
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
        {
            return $"a report that does not parse: {ex.Message}";
        }

        if (MarkdownTableProblem(File.ReadAllText(Path.Combine(directory, "report.md"))) is { } table)
        {
            return table;
        }

        var html = File.ReadAllText(Path.Combine(directory, "report.html"));
        return ActiveHtml().Match(html) is { Success: true } active ? $"active markup in report.html: {active.Value}" : null;
    }

    /// <summary>Every row of a Markdown table has as many cells as its header (pipes escaped with a backslash do not count).</summary>
    public static string? MarkdownTableProblem(string markdown)
    {
        var expected = -1;
        var lineNumber = 0;
        foreach (var line in markdown.Split('\n'))
        {
            lineNumber++;
            if (!line.StartsWith('|'))
            {
                expected = -1;
                continue;
            }

            var cells = CountCells(line);
            if (expected < 0)
            {
                expected = cells;
            }
            else if (cells != expected)
            {
                return $"report.md line {lineNumber} has {cells} cells where its table has {expected}: {line}";
            }
        }

        return null;
    }

    private static int CountCells(string row)
    {
        var pipes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                pipes++;
            }
        }

        return pipes - 1;
    }

    private static bool IsControl(char c) => c != '\n' && (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^.+: error CAT\d{4}: \S")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"<(script|img|iframe|object|embed)\b|<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveHtml();
}
