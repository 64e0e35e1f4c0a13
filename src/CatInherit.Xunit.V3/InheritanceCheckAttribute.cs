using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace CatInherit.Xunit;

/// <summary>
/// Runs one check of a CatInherit policy as a test of the method that carries the attribute (the policy still
/// runs once per test run). An <c>[InheritancePolicy]</c> method of the same class leaves this check out.
/// </summary>
[XunitTestCaseDiscoverer(typeof(InheritancePolicyDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InheritanceCheckAttribute(string path, string checkId, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : FactAttribute(sourceFilePath, sourceLineNumber), IBeforeAfterTestAttribute
{
    /// <summary>The policy file.</summary>
    public string Path { get; } = path;

    /// <summary>The check's id.</summary>
    public string CheckId { get; } = checkId;

    /// <inheritdoc />
    void IBeforeAfterTestAttribute.Before(MethodInfo methodUnderTest, IXunitTest test)
    {
    }

    /// <inheritdoc />
    void IBeforeAfterTestAttribute.After(MethodInfo methodUnderTest, IXunitTest test) => CheckVerdicts.Report(test, Path, SourceFilePath);
}
