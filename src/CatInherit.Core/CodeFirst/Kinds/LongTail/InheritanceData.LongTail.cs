using System.Runtime.CompilerServices;
using CatInherit.Probes.LongTail;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A long-tail check on this data's predictions and labels.</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    public LongTailCheck LongTail([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => new(CheckState.Start(LongTailKind.Descriptor, callerFile, callerLine, ("dataset", this)));
}
