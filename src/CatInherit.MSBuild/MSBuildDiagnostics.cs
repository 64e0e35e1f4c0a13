using CatInherit.Policy;
using CatInherit.Reports;
using Microsoft.Build.Utilities;

namespace CatInherit.MSBuild;

/// <summary>Diagnostics as MSBuild errors and warnings in canonical form: <c>file(line,col): error CATnnnn: message</c>.</summary>
internal static class MSBuildDiagnostics
{
    public static void Log(TaskLoggingHelper log, Diagnostic diagnostic)
    {
        // One line per problem, whatever the data held (a line break in a value would split the canonical form).
        var l = diagnostic.Location;
        var message = ReportText.Terminal(diagnostic.Message);
        if (diagnostic.IsError)
        {
            log.LogError(null, diagnostic.Code, null, l.File, l.Line, l.Column, 0, 0, message);
        }
        else
        {
            log.LogWarning(null, diagnostic.Code, null, l.File, l.Line, l.Column, 0, 0, message);
        }
    }
}
