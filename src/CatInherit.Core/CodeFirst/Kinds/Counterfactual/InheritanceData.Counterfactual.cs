using System.Runtime.CompilerServices;
using CatInherit.Probes.Counterfactual;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A counterfactual check on this data's texts (texts without a word of the list are skipped); run it on a text classifier with <c>.On(model)</c>.</summary>
    /// <param name="swap">The words swapped.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("swap")]
    public CounterfactualCheck Counterfactual(SwapList swap, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(CheckState.Start(CounterfactualKind.Descriptor, callerFile, callerLine, ("dataset", this), ("swap", CounterfactualCheck.Swap(swap))));

    /// <summary>A counterfactual check on this data's texts that swaps the words of two aligned word-list files (line i of one with line i of the other, both ways).</summary>
    /// <param name="swapFrom">One word per line.</param>
    /// <param name="swapTo">The counterpart of each line of <paramref name="swapFrom"/>.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("swap")]
    public CounterfactualCheck Counterfactual(string swapFrom, string swapTo, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(CheckState.Start(CounterfactualKind.Descriptor, callerFile, callerLine, ("dataset", this), ("swap", CounterfactualCheck.Swap(swapFrom, swapTo, callerFile))));
}
