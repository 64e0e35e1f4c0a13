using System.Runtime.CompilerServices;
using CatInherit.Probes.Perturbation;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A perturbation check with every test on this data's texts; run it on a text classifier with <c>.On(model)</c> (or <see cref="FedTo"/>).</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    public PerturbationCheck Perturbation([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(CheckState.Start(PerturbationKind.Descriptor, callerFile, callerLine, ("dataset", this)));

    /// <summary>A perturbation check with these tests on this data's texts.</summary>
    /// <param name="tests">The tests.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("tests")]
    public PerturbationCheck Perturbation(IEnumerable<PerturbationTest> tests, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(tests);
        return new(CheckState.Start(PerturbationKind.Descriptor, callerFile, callerLine, ("dataset", this), ("tests", tests.Select(PerturbationCheck.Name).ToArray())));
    }
}
