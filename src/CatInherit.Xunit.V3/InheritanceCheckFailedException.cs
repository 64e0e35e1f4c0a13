namespace CatInherit.Xunit;

/// <summary>A check's gate failed (or its policy did not run); the message has the metric, interval, threshold and n.</summary>
public sealed class InheritanceCheckFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InheritanceCheckFailedException()
    {
    }

    /// <summary>Creates the exception with the check's description.</summary>
    public InheritanceCheckFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public InheritanceCheckFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
