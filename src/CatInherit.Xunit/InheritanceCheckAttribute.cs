using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Sdk;

namespace CatInherit.Xunit;

/// <summary>Runs one check of a CatInherit policy as a test (the policy still runs once per test run).</summary>
[XunitTestCaseDiscoverer("CatInherit.Xunit.InheritancePolicyDiscoverer", "CatInherit.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class InheritanceCheckAttribute : FactAttribute
{
    /// <summary>Runs check <paramref name="checkId"/> of the policy at <paramref name="path"/>.</summary>
    /// <param name="path">The policy file.</param>
    /// <param name="checkId">The check's id.</param>
    /// <param name="sourceFile">Filled in by the compiler.</param>
    public InheritanceCheckAttribute(string path, string checkId, [CallerFilePath] string sourceFile = "")
    {
        Path = path;
        CheckId = checkId;
        SourceFile = sourceFile;
    }

    /// <summary>The policy file.</summary>
    public string Path { get; }

    /// <summary>The check's id.</summary>
    public string CheckId { get; }

    /// <summary>The source file that holds the attribute.</summary>
    public string SourceFile { get; }
}
