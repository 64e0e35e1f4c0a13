using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.Cli;

/// <summary>What CI systems pick up without configuration: GitHub's job summary and Azure Pipelines' test results.</summary>
internal static class CiOutputs
{
    /// <summary>The JUnit file name that Azure Pipelines' PublishTestResults task finds by default (<c>**/TEST-*.xml</c>).</summary>
    public const string AzureJunitFileName = "TEST-catinherit.xml";

    /// <summary>
    /// Appends the Markdown report to <c>$GITHUB_STEP_SUMMARY</c> (several policies add up). A summary that
    /// cannot be written is a warning: the checks' verdict, not the CI's file system, decides the exit code.
    /// </summary>
    public static void AppendStepSummary(RunReport report, string summaryFile, TextWriter stderr)
    {
        try
        {
            File.AppendAllText(summaryFile, ReportWriters.ToText(report, new MarkdownReportWriter()) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine(Diagnostic.Warning(DiagnosticCodes.InvalidOption, default, $"GITHUB_STEP_SUMMARY: cannot append the report to '{summaryFile}': {ex.Message}").ToString());
        }
    }

    /// <summary>Copies the written junit.xml to <see cref="AzureJunitFileName"/> beside it (whole or not at all); null and a warning when it cannot.</summary>
    public static string? CopyJunitForAzure(string junitFile, TextWriter stderr)
    {
        var target = Path.Combine(Path.GetDirectoryName(junitFile) ?? ".", AzureJunitFileName);
        var temporary = target + ".tmp";
        try
        {
            File.Copy(junitFile, temporary, overwrite: true);
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(Diagnostic.Warning(DiagnosticCodes.InvalidOption, default, $"TF_BUILD: cannot copy junit.xml to '{target}': {ex.Message}").ToString());
            return null;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
