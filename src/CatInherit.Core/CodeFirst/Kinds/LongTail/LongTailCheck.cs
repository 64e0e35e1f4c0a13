using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.LongTail;

namespace CatInherit.CodeFirst;

/// <summary>A long-tail check: do rare classes get the recall the frequent ones get?</summary>
public sealed class LongTailCheck : InheritanceCheck<LongTailCheck, LongTailMetric>, ICodeFirstKind
{
    internal LongTailCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => LongTailKind.Descriptor;

    /// <summary>The tail classes (default: the third of the classes with the fewest labelled rows).</summary>
    /// <param name="classes">The tail classes.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("tail_classes")]
    public LongTailCheck TailClasses<TLabel>(IEnumerable<TLabel> classes, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("tail_classes", InheritanceData.Names(classes), callerFile, callerLine);

    private protected override LongTailCheck With(CheckState state) => new(state);
}
