using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;
using CatInherit.Probes.Slices;

namespace CatInherit.CodeFirst;

/// <summary>A slices check: SliceLine's top-k slices of the data where the model's errors concentrate.</summary>
public sealed class SlicesCheck : InheritanceCheck<SlicesCheck, SlicesMetric>, ICodeFirstKind
{
    internal SlicesCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => SlicesKind.Descriptor;

    /// <summary>Cuts slices on a categorical column of the check's data too.</summary>
    /// <param name="column">A column of the check's data.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("columns")]
    public SlicesCheck CutBy(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(column);
        return With(State.Append("columns", column, callerFile, callerLine));
    }

    /// <summary>Cuts slices on values given in code too (one per row of the check's data; column <c>feature</c>, <c>feature2</c>, ...).</summary>
    /// <param name="values">One value per row, e.g. each row's region.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("columns")]
    public SlicesCheck CutBy<TValue>(IEnumerable<TValue> values, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TValue : notnull
    {
        var column = State.NextColumn("feature");
        return With(State.WithColumn(column, values, callerFile, callerLine).Append("columns", column, callerFile, callerLine));
    }

    /// <summary>The derived features to cut on (default: every one the data supports).</summary>
    /// <param name="features">The features.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("features")]
    public SlicesCheck Features(IEnumerable<DerivedFeature> features, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Set("features", features.Select(f => (object)PolicyNames.Of(f, SliceFeatures.Derived)).ToArray(), callerFile, callerLine);
    }

    /// <summary>The text column for the text features (default: the text input of the data's model).</summary>
    /// <param name="column">A text column of the check's data.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("text")]
    public SlicesCheck TextColumn(string column, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("text", column, callerFile, callerLine);

    /// <summary>How many slices to report (default 4).</summary>
    /// <param name="k">The number of slices.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("k")]
    public SlicesCheck Top(int k, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("k", k, callerFile, callerLine);

    /// <summary>The fewest rows a slice may have (default 32).</summary>
    /// <param name="rows">The support.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("min_support")]
    public SlicesCheck MinSupport(int rows, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("min_support", rows, callerFile, callerLine);

    /// <summary>SliceLine's α, the weight of a slice's error against its size, in (0.5, 1] (default 0.95).</summary>
    /// <param name="alpha">The weight.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("alpha")]
    public SlicesCheck Alpha(double alpha, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("alpha", alpha, callerFile, callerLine);

    /// <summary>The most predicates a slice conjoins, 1 to 3 (default 3).</summary>
    /// <param name="count">The number of predicates.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("max_predicates")]
    public SlicesCheck MaxPredicates(int count, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("max_predicates", count, callerFile, callerLine);

    private protected override SlicesCheck With(CheckState state) => new(state);
}
