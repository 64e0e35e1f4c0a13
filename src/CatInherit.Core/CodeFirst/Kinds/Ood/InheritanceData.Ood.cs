using System.Runtime.CompilerServices;
using CatInherit.Probes.Ood;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>An out-of-distribution check: this data is in-distribution, <paramref name="outOfDistribution"/> is not.</summary>
    /// <param name="outOfDistribution">The out-of-distribution samples (named <c>ood</c> unless named).</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("ood")]
    public OodCheck Ood(InheritanceData outOfDistribution, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(outOfDistribution);
        return new(CheckState.Start(OodKind.Descriptor, callerFile, callerLine, ("dataset", this), ("ood", outOfDistribution)));
    }
}
