using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Sdk;

namespace CatInherit.Xunit;

/// <summary>
/// Runs every check of a CatInherit policy as its own test, named <c>"{kind}: {id}"</c> with traits
/// <c>CatInherit.Kind</c> and <c>CatInherit.Check</c>. Put it on a parameterless method; its body is not run.
/// The path is resolved against the test assembly's folder first, then the folder of this source file.
/// </summary>
[XunitTestCaseDiscoverer("CatInherit.Xunit.InheritancePolicyDiscoverer", "CatInherit.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InheritancePolicyAttribute : FactAttribute
{
    /// <summary>Runs the policy at <paramref name="path"/>.</summary>
    /// <param name="path">The policy file.</param>
    /// <param name="sourceFile">Filled in by the compiler: where to look when the file is not beside the test assembly.</param>
    public InheritancePolicyAttribute(string path, [CallerFilePath] string sourceFile = "")
    {
        Path = path;
        SourceFile = sourceFile;
    }

    /// <summary>The policy file.</summary>
    public string Path { get; }

    /// <summary>The source file that holds the attribute.</summary>
    public string SourceFile { get; }
}
