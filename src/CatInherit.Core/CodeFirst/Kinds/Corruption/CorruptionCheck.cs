using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Corruption;

namespace CatInherit.CodeFirst;

/// <summary>A corruption check: seeded corruptions of the inputs at severities 1–5; how much accuracy falls and how many predictions flip.</summary>
public sealed class CorruptionCheck : InheritanceCheck<CorruptionCheck, CorruptionMetric>, ICodeFirstKind
{
    internal CorruptionCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => CorruptionKind.Descriptor;

    /// <summary>The severities, from 1 (mild) to 5 (severe); default all five.</summary>
    /// <param name="severities">The severities.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("severities")]
    public CorruptionCheck Severities(IEnumerable<int> severities, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(severities);
        return Set("severities", severities.Cast<object>().ToArray(), callerFile, callerLine);
    }

    private protected override CorruptionCheck With(CheckState state) => new(state);

    /// <summary>The policy's name of a corruption.</summary>
    internal static string Name(Corruption corruption) => PolicyNames.Of(corruption, [.. Corruptions.Text, .. Corruptions.Numeric]);
}
