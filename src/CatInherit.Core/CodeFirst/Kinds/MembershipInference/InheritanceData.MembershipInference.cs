using System.Runtime.CompilerServices;
using CatInherit.Probes.MembershipInference;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>A membership-inference check: this data is what the model was trained on, <paramref name="nonMembers"/> is from the same distribution but unseen.</summary>
    /// <param name="nonMembers">The non-members (named <c>non_members</c> unless named).</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("members")]
    [PolicyKey("non_members")]
    public MembershipInferenceCheck MembershipInference(InheritanceData nonMembers, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(nonMembers);
        return new(CheckState.Start(MembershipInferenceKind.Descriptor, callerFile, callerLine, ("members", this), ("non_members", nonMembers)));
    }
}
