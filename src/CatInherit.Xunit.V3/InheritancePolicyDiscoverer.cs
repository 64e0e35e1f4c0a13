using System.Reflection;
using CatInherit.Running;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace CatInherit.Xunit;

/// <summary>
/// One test case per check, each a test of the user's method (so its class and method name are the user's,
/// like a <c>[Theory]</c> row); a policy that is missing or does not load becomes one failing test showing why.
/// </summary>
public sealed class InheritancePolicyDiscoverer : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var use = Use(testMethod.MethodName, factAttribute) ?? throw new InvalidOperationException($"{factAttribute.GetType().Name} is not a CatInherit attribute.");
        var inClass = testMethod.TestClass.Class.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .SelectMany(m => m.GetCustomAttributes<FactAttribute>().Select(a => Use(m.Name, a)))
            .OfType<PolicyAttributeUse>()
            .ToList();
        var assemblyDirectory = CheckVerdicts.AssemblyDirectory(testMethod.TestClass.Class.Assembly);
        var found = PolicyDiscovery.Discover(use, inClass, assemblyDirectory);
        if (found.Error is { } error)
        {
            return new([new ExecutionErrorTestCase(testMethod, testMethod.MethodName, testMethod.UniqueID + ":catinherit-error", factAttribute.SourceFilePath, factAttribute.SourceLineNumber, error)]);
        }

        IReadOnlyCollection<IXunitTestCase> cases = [.. found.Checks.Select((check, i) =>
        {
            var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase)
            {
                [CheckVerdicts.KindTrait] = [check.Kind],
                [CheckVerdicts.CheckTrait] = [check.Id],
            };
            foreach (var (name, values) in testMethod.Traits)
            {
                traits.TryAdd(name, [.. values]);
            }

            return (IXunitTestCase)new XunitTestCase(
                testMethod,
                found.DisplayNames[i],
                $"{testMethod.UniqueID}:{found.PolicyPath}:{check.Id}",
                factAttribute.Explicit,
                factAttribute.SkipExceptions,
                factAttribute.Skip,
                factAttribute.SkipType,
                factAttribute.SkipUnless,
                factAttribute.SkipWhen,
                traits,
                testMethodArguments: [],
                factAttribute.SourceFilePath,
                factAttribute.SourceLineNumber,
                factAttribute.Timeout == 0 ? null : factAttribute.Timeout);
        })];
        return new(cases);
    }

    private static PolicyAttributeUse? Use(string method, object attribute) => attribute switch
    {
        InheritanceCheckAttribute single => new(method, single.Path, single.SourceFilePath, single.CheckId),
        InheritancePolicyAttribute all => new(method, all.Path, all.SourceFilePath, null),
        _ => null,
    };
}
