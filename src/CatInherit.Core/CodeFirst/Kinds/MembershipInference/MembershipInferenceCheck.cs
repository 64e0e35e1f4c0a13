using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.MembershipInference;

namespace CatInherit.CodeFirst;

/// <summary>A membership-inference check: can a threshold attack on the model's outputs tell training members from non-members?</summary>
public sealed class MembershipInferenceCheck : InheritanceCheck<MembershipInferenceCheck, MembershipInferenceMetric>, ICodeFirstKind
{
    internal MembershipInferenceCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => MembershipInferenceKind.Descriptor;

    /// <summary>The attack (default <see cref="CodeFirst.MembershipAttack.Loss"/>).</summary>
    /// <param name="attack">The attack.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("attack")]
    public MembershipInferenceCheck Attack(CodeFirst.MembershipAttack attack, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("attack", PolicyNames.Value(attack, MembershipInferenceKind.Descriptor, "attack"), callerFile, callerLine);

    /// <summary>The false positive rate <c>tpr_at_fpr</c> is read at (default 0.01).</summary>
    /// <param name="rate">Strictly between 0 and 1.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("fpr")]
    public MembershipInferenceCheck AtFalsePositiveRate(double rate, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("fpr", rate, callerFile, callerLine);

    /// <summary>Whether the larger set is subsampled (seeded) to the smaller's size (default: true).</summary>
    /// <param name="balance">Whether to balance.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("balance")]
    public MembershipInferenceCheck Balanced(bool balance = true, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("balance", balance, callerFile, callerLine);

    /// <summary>Whether each class gets its own threshold at the same false positive rate (default: false).</summary>
    /// <param name="perClass">Whether to attack per class.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("per_class")]
    public MembershipInferenceCheck PerClass(bool perClass = true, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("per_class", perClass, callerFile, callerLine);

    private protected override MembershipInferenceCheck With(CheckState state) => new(state);
}
