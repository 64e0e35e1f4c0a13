namespace CatInherit.Policy.Schema;

/// <summary>A figure a report draws from a check's result; the kind declares it, writers never look at the kind's name.</summary>
public abstract record PlotSpec;

/// <summary>One bar per group for each of <paramref name="Metrics"/> (values 0 to 1), from the check's groups.</summary>
/// <param name="Metrics">Per-group metrics, one figure each, in this order.</param>
public sealed record GroupBarsPlot(IReadOnlyList<string> Metrics) : PlotSpec;

/// <summary>A ROC curve from the <c>roc</c> array of the check's details (pairs of FPR, TPR).</summary>
/// <param name="Title">The caption, e.g. which class is positive.</param>
/// <param name="AucMetric">The metric printed as the area under the curve.</param>
public sealed record RocPlot(string Title, string AucMetric) : PlotSpec;
