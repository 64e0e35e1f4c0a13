using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace CatInherit.Xunit;

/// <summary>
/// Runs every check of a CatInherit policy as its own test of the method that carries the attribute (as
/// <c>[Theory]</c> rows are), named <c>"{kind}: {id}"</c> with traits <c>CatInherit.Kind</c> and
/// <c>CatInherit.Check</c>. Put it on a parameterless method with an empty body. The path is resolved against
/// the test assembly's folder first, then the folder of this source file.
/// </summary>
[XunitTestCaseDiscoverer(typeof(InheritancePolicyDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InheritancePolicyAttribute(string path, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : FactAttribute(sourceFilePath, sourceLineNumber), IBeforeAfterTestAttribute
{
    /// <summary>The policy file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    void IBeforeAfterTestAttribute.Before(MethodInfo methodUnderTest, IXunitTest test)
    {
    }

    /// <inheritdoc />
    void IBeforeAfterTestAttribute.After(MethodInfo methodUnderTest, IXunitTest test) => CheckVerdicts.Report(test, Path, SourceFilePath);
}
