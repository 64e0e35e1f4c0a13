using System.Runtime.CompilerServices;
using CatInherit.Probes.Adversarial;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>An adversarial check on this data's labelled inputs; run it on a classifier with <c>.On(model)</c> (or <see cref="FedTo"/>).</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    public AdversarialCheck Adversarial([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(CheckState.Start(AdversarialKind.Descriptor, callerFile, callerLine, ("dataset", this)));
}
