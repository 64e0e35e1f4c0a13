using System.Runtime.CompilerServices;
using CatInherit.Probes.Counterfactual;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceModel
{
    /// <summary>A counterfactual check on texts made from a template, on this text classifier.</summary>
    /// <param name="template">A sentence with a <c>{swap}</c> placeholder (others filled with <see cref="CounterfactualCheck.Fill"/>), e.g. <c>"{swap} was a great {role}."</c>.</param>
    /// <param name="swap">The words put in place of <c>{swap}</c>, each with its twin.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("template")]
    [PolicyKey("swap")]
    [PolicyKey("model")]
    public CounterfactualCheck Counterfactual(string template, SwapList swap, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new(CheckState.Start(CounterfactualKind.Descriptor, callerFile, callerLine, ("model", this), ("template", template), ("swap", CounterfactualCheck.Swap(swap))));
    }

    /// <summary>A counterfactual check on texts made from a template, on this text classifier, swapping the words of two aligned word-list files.</summary>
    /// <param name="template">A sentence with a <c>{swap}</c> placeholder.</param>
    /// <param name="swapFrom">One word per line.</param>
    /// <param name="swapTo">The counterpart of each line of <paramref name="swapFrom"/>.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("template")]
    [PolicyKey("swap")]
    [PolicyKey("model")]
    public CounterfactualCheck Counterfactual(string template, string swapFrom, string swapTo, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new(CheckState.Start(CounterfactualKind.Descriptor, callerFile, callerLine, ("model", this), ("template", template), ("swap", CounterfactualCheck.Swap(swapFrom, swapTo, callerFile))));
    }
}
