namespace CatInherit.Policy;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Valid but suspicious; the run goes on.</summary>
    Warning,

    /// <summary>Invalid input; nothing runs.</summary>
    Error,
}
