using CatInherit.Gating;
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
        foreach (var check in report.Checks)
        {
            stdout.WriteLine($"{JsonReportWriter.StatusName(check.Status).ToUpperInvariant(),-5}  {check.DisplayName}  {check.Message}");
            foreach (var warning in check.Warnings)
            {
                stderr.WriteLine(Diagnostic.Warning(DiagnosticCodes.CheckWarning, check.Location, $"{check.Id}: {warning}").ToString());
            }
        }

        var failed = report.FailedCount;
        stdout.WriteLine($"{report.Checks.Count} checks: {report.CountOf(CheckStatus.Pass)} passed, {failed} failed, {report.CountOf(CheckStatus.Warn)} warned");
    }
}
