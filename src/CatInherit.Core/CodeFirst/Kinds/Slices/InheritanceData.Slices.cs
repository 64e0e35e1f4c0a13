using System.Runtime.CompilerServices;
using CatInherit.Probes.Slices;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A slices check on this data's labels and predictions: where the model's errors concentrate.</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    public SlicesCheck Slices([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => new(CheckState.Start(SlicesKind.Descriptor, callerFile, callerLine, ("dataset", this)));
}
