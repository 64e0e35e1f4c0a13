using CatInherit.Policy;
using Microsoft.Build.Utilities;

namespace CatInherit.MSBuild;

/// <summary>Diagnostics as MSBuild errors and warnings in canonical form: <c>file(line,col): error CATnnnn: message</c>.</summary>
internal static class MSBuildDiagnostics
{
    public static void Log(TaskLoggingHelper log, Diagnostic diagnostic)
    {
        var l = diagnostic.Location;
        if (diagnostic.IsError)
        {
            log.LogError(null, diagnostic.Code, null, l.File, l.Line, l.Column, 0, 0, diagnostic.Message);
        }
        else
        {
            log.LogWarning(null, diagnostic.Code, null, l.File, l.Line, l.Column, 0, 0, diagnostic.Message);
        }
    }
}
