using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Ood;

namespace CatInherit.CodeFirst;

/// <summary>An out-of-distribution check: how well the model's scores separate its in-distribution data from other data, and what accuracy it loses there.</summary>
public sealed class OodCheck : InheritanceCheck<OodCheck, OodMetric>, ICodeFirstKind
{
    internal OodCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => OodKind.Descriptor;

    /// <summary>How each sample is scored (default <see cref="OodScore.Msp"/>).</summary>
    /// <param name="score">The score.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("score")]
    public OodCheck Score(OodScore score, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("score", PolicyNames.Value(score, OodKind.Descriptor, "score"), callerFile, callerLine);

    /// <summary>The temperature T of the energy score (default 1).</summary>
    /// <param name="temperature">Greater than 0.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("temperature")]
    public OodCheck Temperature(double temperature, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("temperature", temperature, callerFile, callerLine);

    /// <summary>In-distribution samples (labelled for mahalanobis) the mahalanobis and knn scores are fitted on; fed to the same model.</summary>
    /// <param name="fit">The fitting data.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("fit")]
    public OodCheck FittedOn(InheritanceData fit, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Set("fit", fit, callerFile, callerLine);
    }

    /// <summary>The neighbour whose distance is the knn score (default 50).</summary>
    /// <param name="k">The neighbour's rank.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("k")]
    public OodCheck Neighbors(int k, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("k", k, callerFile, callerLine);

    private protected override OodCheck With(CheckState state) => new(state);
}
