using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.TriggerScan;

namespace CatInherit.CodeFirst;

/// <summary>A trigger-scan check: candidate trigger words inserted into texts not of a target class; a trigger that flips far more of them than random words do is flagged.</summary>
public sealed class TriggerScanCheck : InheritanceCheck<TriggerScanCheck, TriggerScanMetric>, ICodeFirstKind
{
    internal TriggerScanCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => TriggerScanKind.Descriptor;

    /// <summary>Candidate triggers of your own (words or short phrases), scanned besides the built-in rare tokens.</summary>
    /// <param name="triggers">The triggers.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("triggers")]
    public TriggerScanCheck Triggers(IEnumerable<string> triggers, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("triggers", InheritanceData.Names(triggers), callerFile, callerLine);

    /// <summary>Whether the built-in rare-token triggers cf, mn, bb, tq, mb are scanned too (default true).</summary>
    /// <param name="include">False scans only <see cref="Triggers"/>.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("builtin_triggers")]
    public TriggerScanCheck BuiltInTriggers(bool include, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("builtin_triggers", include, callerFile, callerLine);

    /// <summary>The target classes to scan for (default: every class).</summary>
    /// <param name="targets">The classes.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("targets")]
    public TriggerScanCheck Targets<TLabel>(IEnumerable<TLabel> targets, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("targets", InheritanceData.Names(targets), callerFile, callerLine);

    /// <summary>How many of the data's texts to insert into, a seeded sample (default 200; all when fewer).</summary>
    /// <param name="texts">The number of texts.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("samples")]
    public TriggerScanCheck Samples(int texts, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("samples", texts, callerFile, callerLine);

    /// <summary>The smallest MAD of the random words' flip rates the anomaly index divides by (default 0.01; 1/n is always the least).</summary>
    /// <param name="floor">A flip rate, from 0 to 1.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("mad_floor")]
    public TriggerScanCheck MadFloor(double floor, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("mad_floor", floor, callerFile, callerLine);

    /// <summary>How many random words of the data's vocabulary are inserted the same way, as the null distribution (default 30).</summary>
    /// <param name="words">The number of random words.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("random_words")]
    public TriggerScanCheck RandomWords(int words, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("random_words", words, callerFile, callerLine);

    private protected override TriggerScanCheck With(CheckState state) => new(state);
}
