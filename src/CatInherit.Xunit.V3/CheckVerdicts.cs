using System.Reflection;
using CatInherit.Running;
using Xunit;
using Xunit.v3;

namespace CatInherit.Xunit;

/// <summary>
/// Reports a check's verdict from the shared policy run on the test that stands for it: the description goes
/// to the test output, warnings to the test's warnings (shown in the run's summary), and a failed gate fails
/// the test. Called after the user's (empty) test method ran, so the test belongs to the user's class.
/// </summary>
internal static class CheckVerdicts
{
    public const string CheckTrait = "CatInherit.Check";

    public const string KindTrait = "CatInherit.Kind";

    public static void Report(IXunitTest test, string path, string? sourceFile)
    {
        if (!test.TestCase.Traits.TryGetValue(CheckTrait, out var ids) || ids.Count != 1)
        {
            return;
        }

        var assemblyDirectory = AssemblyDirectory(test.TestCase.TestMethod.TestClass.Class.Assembly);
        var verdict = SharedPolicyRuns.Verdict(PolicyLocator.Resolve(path, assemblyDirectory, sourceFile), ids.First(), assemblyDirectory);
        TestContext.Current.TestOutputHelper?.WriteLine(verdict.Output);
        foreach (var warning in verdict.Warnings)
        {
            TestContext.Current.AddWarning(warning);
        }

        if (!verdict.Passed)
        {
            throw new InheritanceCheckFailedException(verdict.Output);
        }
    }

    public static string? AssemblyDirectory(Assembly assembly) =>
        Path.GetDirectoryName(assembly.Location) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory;
}
