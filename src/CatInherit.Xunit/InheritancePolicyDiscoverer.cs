using CatInherit.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CatInherit.Xunit;

/// <summary>
/// One test case per check, each a test of the user's method (its class and method name are the user's); a
/// policy that is missing or does not load becomes one failing test showing why.
/// </summary>
public sealed class InheritancePolicyDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var use = Use(testMethod.Method.Name, factAttribute);
        var inClass = testMethod.TestClass.Class.GetMethods(includePrivateMethods: true)
            .SelectMany(m => m.GetCustomAttributes(typeof(InheritancePolicyAttribute)).Concat(m.GetCustomAttributes(typeof(InheritanceCheckAttribute))).Select(a => Use(m.Name, a)))
            .ToList();
        var assemblyDirectory = AssemblyDirectory(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var found = PolicyDiscovery.Discover(use, inClass, assemblyDirectory);
        return found.Error is { } error
            ? [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, error)]
            : [.. found.Checks.Select((c, i) => new InheritanceCheckTestCase(diagnosticMessageSink, display, displayOptions, testMethod, found.PolicyPath, c.Id, c.Kind, found.DisplayNames[i]))];
    }

    /// <summary>The test assembly's folder; AssemblyPath may be a bare file name, and the test host's base directory is that folder then.</summary>
    internal static string AssemblyDirectory(ITestMethod testMethod) =>
        Path.GetDirectoryName(testMethod.TestClass.TestCollection.TestAssembly.Assembly.AssemblyPath) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory;

    /// <summary>[InheritanceCheck(path, checkId, sourceFile)] or [InheritancePolicy(path, sourceFile)], from its constructor arguments.</summary>
    private static PolicyAttributeUse Use(string method, IAttributeInfo attribute)
    {
        var arguments = attribute.GetConstructorArguments().ToArray();
        return arguments.Length == 3
            ? new(method, (string)arguments[0], (string)arguments[2], (string)arguments[1])
            : new(method, (string)arguments[0], (string)arguments[^1], null);
    }
}
