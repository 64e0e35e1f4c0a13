using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace CatInherit.Xunit;

/// <summary>Runs one check of a CatInherit policy as a test (the policy still runs once per test run).</summary>
[XunitTestCaseDiscoverer(typeof(InheritancePolicyDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InheritanceCheckAttribute(string path, string checkId, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : FactAttribute(sourceFilePath, sourceLineNumber)
{
    /// <summary>The policy file.</summary>
    public string Path { get; } = path;

    /// <summary>The check's id.</summary>
    public string CheckId { get; } = checkId;
}
