using CatInherit.Policy;
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
        var resolved = PolicyLocator.Resolve(path, assemblyDirectory, sourceFile);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();

        var loaded = PolicyLoader.Load(resolved);
        if (loaded.Policy is not { } policy)
        {
            return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, $"CatInherit policy {path} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}")];
        }

        var checks = policy.Checks.Where(c => checkId is null || c.Id == checkId).ToList();
        if (checks.Count == 0)
        {
            return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, $"CatInherit policy {path} has no check '{checkId}'. Its checks: {string.Join(", ", policy.Checks.Select(c => c.Id))}")];
        }

        return [.. checks.Select(c => new InheritanceCheckTestCase(diagnosticMessageSink, display, displayOptions, testMethod, resolved, c.Id, c.Kind))];
    }
}
