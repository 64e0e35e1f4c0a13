using System.Runtime.CompilerServices;

namespace CatInherit.CodeFirst;

/// <summary>
/// The options every kind of check has, typed by the kind's builder (<typeparamref name="TCheck"/>) and its gateable
/// metrics (<typeparamref name="TMetric"/>): a name, the model that runs it, a gate, and how the interval decides.
/// Immutable: every method returns a new check.
/// </summary>
/// <typeparam name="TCheck">The kind's builder, returned by every method.</typeparam>
/// <typeparam name="TMetric">The kind's gateable metrics.</typeparam>
public abstract class InheritanceCheck<TCheck, TMetric> : InheritanceCheck
    where TCheck : InheritanceCheck<TCheck, TMetric>
    where TMetric : struct, Enum
{
    private protected InheritanceCheck(CheckState state)
        : base(state)
    {
    }

    /// <summary>Names the check: its id in reports and messages.</summary>
    /// <param name="id">Letters, digits, '.', '_' and '-', starting with a letter or digit.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("id")]
    public TCheck Named(string id, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(id);
        return With(State with { Id = new Setting("id", id, SettingList.Caller(callerFile, callerLine)) });
    }

    /// <summary>
    /// The model that runs the check: it computes the outputs of every dataset of the check that has no predictions or
    /// scores of its own (whatever model the data is <see cref="InheritanceData.FedTo"/>), and the texts the check generates.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("model")]
    public TCheck On(InheritanceModel model, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Set("model", model, callerFile, callerLine);
    }

    /// <summary>
    /// Runs the check once on each model, side by side (<c>compare:</c>): each run binds the check's datasets to that model,
    /// as <see cref="On"/> does, under the id <c>{id}@{model}</c>, and the report puts the runs in one table. Replaces <see cref="On"/>.
    /// </summary>
    /// <param name="models">Two or more models.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("compare")]
    public TCheck Compare(IEnumerable<InheritanceModel> models, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(models);
        return Set("compare", models.Cast<object>().ToArray(), callerFile, callerLine);
    }

    /// <summary>The gate: the check fails when <paramref name="metric"/> is above <paramref name="max"/> (the threshold itself passes).</summary>
    /// <param name="metric">The gated metric.</param>
    /// <param name="max">The largest passing value.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("gate")]
    public TCheck ShouldBeAtMost(TMetric metric, double max, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("gate", new (string, object?)[] { ("metric", PolicyNames.Metric(metric, State.Kind)), ("max", max) }, callerFile, callerLine);

    /// <summary>The gate: the check fails when <paramref name="metric"/> is below <paramref name="min"/> (the threshold itself passes).</summary>
    /// <param name="metric">The gated metric.</param>
    /// <param name="min">The smallest passing value.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("gate")]
    public TCheck ShouldBeAtLeast(TMetric metric, double min, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("gate", new (string, object?)[] { ("metric", PolicyNames.Metric(metric, State.Kind)), ("min", min) }, callerFile, callerLine);

    /// <summary>The whole bootstrap interval must lie on the passing side: a passing value whose interval crosses the threshold warns.</summary>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("decide")]
    public TCheck DecideByInterval([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("decide", "interval", callerFile, callerLine);

    /// <summary>The confidence level of the bootstrap interval (default 0.95).</summary>
    /// <param name="level">Strictly between 0 and 1.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("confidence")]
    public TCheck Confidence(double level, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("confidence", level, callerFile, callerLine);

    /// <summary>Bootstrap resamples (default 1000); 0 turns intervals off.</summary>
    /// <param name="count">The number of resamples.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("resamples")]
    public TCheck Resamples(int count, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("resamples", count, callerFile, callerLine);

    /// <summary>The bootstrap seed (default: <c>CATINHERIT_SEED</c>, else 0): the same inputs and seed give the same report.</summary>
    /// <param name="seed">The seed.</param>
    public TCheck WithSeed(int seed) => With(State with { Seed = seed });

    /// <summary>The same kind of check with other keys.</summary>
    private protected abstract TCheck With(CheckState state);

    /// <summary>The check with <paramref name="key"/> written by the caller.</summary>
    private protected TCheck Set(string key, object value, string callerFile, int callerLine) => With(State.Set(key, value, callerFile, callerLine));
}
