using CatInherit.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CatInherit.Xunit;

/// <summary>One test case per check; a policy that does not load becomes one failing test showing every diagnostic.</summary>
public sealed class InheritancePolicyDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var arguments = factAttribute.GetConstructorArguments().ToArray();
        var single = arguments.Length == 3;
        var path = (string)arguments[0];
        var checkId = single ? (string)arguments[1] : null;
        var sourceFile = (string)arguments[^1];
        // AssemblyPath may be a bare file name; the test host's base directory is the assembly's folder then.
        var assemblyDirectory = Path.GetDirectoryName(testMethod.TestClass.TestCollection.TestAssembly.Assembly.AssemblyPath) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory;
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var found = PolicyDiscovery.Discover(path, assemblyDirectory, sourceFile, checkId);
        return found.Error is { } error
            ? [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, error)]
            : [.. found.Checks.Select(c => new InheritanceCheckTestCase(diagnosticMessageSink, display, displayOptions, testMethod, found.PolicyPath, c.Id, c.Kind))];
    }
}
