using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.Cli;

/// <summary>How results look in a terminal: one line per check on stdout, diagnostics on stderr.</summary>
internal static class ConsoleOutput
{
    public static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }
    }

    public static void WriteChecks(RunReport report, TextWriter stdout, TextWriter stderr)
    {
        // Columns line up; "reported" (a check without a gate) widens the status column only when it occurs.
        var width = report.Checks.Select(c => JsonReportWriter.StatusName(c.Status).Length).Append(5).Max();
        foreach (var check in report.Checks)
        {
            // Messages quote data (group values, labels): control bytes and line breaks are shown escaped, never sent to the terminal.
            stdout.WriteLine($"{JsonReportWriter.StatusName(check.Status).ToUpperInvariant().PadRight(width)}  {ReportText.Terminal(check.DisplayName)}  {ReportText.Terminal(check.Message)}");
            foreach (var warning in check.Warnings)
            {
                stderr.WriteLine(Diagnostic.Warning(DiagnosticCodes.CheckWarning, check.Location, $"{check.Id}: {warning}").ToString());
            }
        }

        stdout.WriteLine($"{Numbers.Count(report.Checks.Count, "check")}: {report.Summary}");
    }
}
