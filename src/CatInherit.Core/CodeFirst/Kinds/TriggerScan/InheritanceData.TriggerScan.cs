using System.Runtime.CompilerServices;
using CatInherit.Probes.TriggerScan;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A trigger-scan (backdoor) check on this data's texts; run it on a text classifier with <c>.On(model)</c> (or <see cref="FedTo"/>).</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    public TriggerScanCheck TriggerScan([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(CheckState.Start(TriggerScanKind.Descriptor, callerFile, callerLine, ("dataset", this)));
}
