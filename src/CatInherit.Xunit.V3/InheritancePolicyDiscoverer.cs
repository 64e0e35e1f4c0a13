using CatInherit.Running;
using Xunit.Sdk;
using Xunit.v3;

namespace CatInherit.Xunit;

/// <summary>One test case per check; a policy that does not load becomes one failing test showing every diagnostic.</summary>
public sealed class InheritancePolicyDiscoverer : IXunitTestCaseDiscoverer
{
    private static readonly System.Reflection.MethodInfo RunMethod = typeof(InheritanceCheckRun).GetMethod(nameof(InheritanceCheckRun.Run))!;

    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var (path, checkId) = factAttribute switch
        {
            InheritanceCheckAttribute single => (single.Path, single.CheckId),
            InheritancePolicyAttribute all => (all.Path, null),
            _ => throw new InvalidOperationException($"{factAttribute.GetType().Name} is not a CatInherit attribute."),
        };
        var assemblyDirectory = Path.GetDirectoryName(testMethod.TestClass.Class.Assembly.Location);
        var found = PolicyDiscovery.Discover(path, assemblyDirectory, factAttribute.SourceFilePath, checkId);
        if (found.Error is { } error)
        {
            return Error(testMethod, factAttribute, error);
        }

        var resolved = found.PolicyPath;
        var checks = found.Checks;

        var runClass = new XunitTestClass(typeof(InheritanceCheckRun), testMethod.TestClass.TestCollection, $"{testMethod.TestClass.UniqueID}:catinherit");
        IReadOnlyCollection<IXunitTestCase> cases = [.. checks.Select(check =>
        {
            var id = $"{testMethod.UniqueID}:{resolved}:{check.Id}";
            object[] arguments = [resolved, check.Id];
            var method = new XunitTestMethod(runClass, RunMethod, arguments, id + ":method");
            var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["CatInherit.Kind"] = [check.Kind],
                ["CatInherit.Check"] = [check.Id],
            };
            return (IXunitTestCase)new XunitTestCase(method, check.DisplayName, id, @explicit: false, skipExceptions: null, skipReason: null, skipType: null, skipUnless: null, skipWhen: null, traits, arguments, factAttribute.SourceFilePath, factAttribute.SourceLineNumber, timeout: null);
        })];
        return new(cases);
    }

    private static ValueTask<IReadOnlyCollection<IXunitTestCase>> Error(IXunitTestMethod testMethod, IFactAttribute attribute, string message) =>
        new([new ExecutionErrorTestCase(testMethod, testMethod.MethodName, testMethod.UniqueID + ":catinherit-error", attribute.SourceFilePath, attribute.SourceLineNumber, message)]);
}
