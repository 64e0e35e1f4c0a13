using System.Globalization;

namespace CatInherit.Policy;

/// <summary>
/// One problem with the user's input, printed in MSBuild's canonical form
/// <c>path(line,col): error CATnnnn: message</c> so IDEs and CI annotate the right line.
/// </summary>
/// <param name="Code">A stable code such as <c>CAT0102</c>; documented in the README.</param>
/// <param name="Severity">Error (nothing runs) or warning.</param>
/// <param name="Location">Where the problem is; a file-only location prints without a position.</param>
/// <param name="Message">What is wrong, what was expected, and a suggestion where one exists.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    /// <summary>Creates an error.</summary>
    public static Diagnostic Error(string code, SourceLocation location, string message) =>
        new(code, DiagnosticSeverity.Error, location, message);

    /// <summary>Creates a warning.</summary>
    public static Diagnostic Warning(string code, SourceLocation location, string message) =>
        new(code, DiagnosticSeverity.Warning, location, message);

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The canonical one-line form; control characters and line breaks from data appear as escapes (<c>\n</c>, <c>\u001B</c>).</summary>
    public override string ToString()
    {
        var severity = IsError ? "error" : "warning";
        var origin = Location switch
        {
            { File: null or "" } => "catinherit",
            { Line: > 0, Column: > 0 } l => string.Create(CultureInfo.InvariantCulture, $"{l.File}({l.Line},{l.Column})"),
            { Line: > 0 } l => string.Create(CultureInfo.InvariantCulture, $"{l.File}({l.Line})"),
            var l => l.File,
        };
        // One line whatever the data held: control characters and line breaks are shown as escapes.
        return $"{VisibleText.Escape(origin)}: {severity} {Code}: {VisibleText.Escape(Message)}";
    }
}
