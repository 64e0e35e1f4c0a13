namespace CatInherit.Policy;

/// <summary>The outcome of loading a policy: the policy when it is valid, and every diagnostic.</summary>
/// <param name="Policy">Null when any error was found.</param>
/// <param name="Diagnostics">Errors and warnings, in file order.</param>
public sealed record PolicyLoadResult(InheritancePolicy? Policy, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the policy loaded without errors.</summary>
    public bool Success => Policy is not null;

    /// <summary>What could be read despite errors (datasets, models, the checks whose kind and id are known), so validation can go on to the files; null when nothing could.</summary>
    internal InheritancePolicy? Partial { get; init; }
}
