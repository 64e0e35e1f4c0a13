using System.Runtime.CompilerServices;
using CatInherit.Probes.Calibration;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A calibration check on this data's probabilities and labels.</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    public CalibrationCheck Calibration([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => new(CheckState.Start(CalibrationKind.Descriptor, callerFile, callerLine, ("dataset", this)));
}
