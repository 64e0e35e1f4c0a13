namespace CatInherit.CodeFirst;

/// <summary>A code-first check failed; the message has the metric, interval, threshold, n and details.</summary>
public sealed class InheritanceCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InheritanceCheckException()
    {
    }

    /// <summary>Creates the exception with the check's description.</summary>
    public InheritanceCheckException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public InheritanceCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
