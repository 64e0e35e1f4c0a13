namespace CatInherit.Running;

/// <summary>The documented process exit codes, shared by the CLI and the MSBuild gate.</summary>
public static class ExitCodes
{
    /// <summary>Every gate passed.</summary>
    public const int Passed = 0;

    /// <summary>At least one gate failed (or a gated metric was undefined).</summary>
    public const int GateFailed = 1;

    /// <summary>Invalid input: policy, model, dataset or options.</summary>
    public const int InvalidInput = 2;

    /// <summary>An unexpected internal error.</summary>
    public const int InternalError = 3;

    /// <summary>The exit code for a finished run.</summary>
    public static int For(Reports.RunReport report, bool failOnWarning) =>
        report.Checks.Any(c => c.Fails(failOnWarning)) ? GateFailed : Passed;
}
