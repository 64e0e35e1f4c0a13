using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Calibration;

namespace CatInherit.CodeFirst;

/// <summary>A calibration check: do the model's probabilities mean what they say (expected calibration error, Brier score)?</summary>
public sealed class CalibrationCheck : InheritanceCheck<CalibrationCheck, CalibrationMetric>, ICodeFirstKind
{
    internal CalibrationCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => CalibrationKind.Descriptor;

    /// <summary>Equal-width confidence bins (lo, hi] for the ECE (default 15).</summary>
    /// <param name="count">The number of bins.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("bins")]
    public CalibrationCheck Bins(int count, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("bins", count, callerFile, callerLine);

    private protected override CalibrationCheck With(CheckState state) => new(state);
}
