namespace CatInherit.Policy;

/// <summary>Thrown by code-first APIs when their input is invalid; carries every diagnostic.</summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception from diagnostics.</summary>
    public InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError)))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a message (for serializers and analyzers).</summary>
    public InvalidInputException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidInputException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
