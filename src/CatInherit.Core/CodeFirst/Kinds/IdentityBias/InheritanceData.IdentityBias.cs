using System.Runtime.CompilerServices;
using CatInherit.Probes.IdentityBias;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceData
{
    /// <summary>An identity-bias check on this data's labels and probabilities, over boolean identity columns of this data.</summary>
    /// <param name="subgroups">The identity columns (true/false or 1/0): a row belongs to each subgroup whose column is true.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("subgroups")]
    public IdentityBiasCheck IdentityBias(IEnumerable<string> subgroups, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var check = new IdentityBiasCheck(CheckState.Start(IdentityBiasKind.Descriptor, callerFile, callerLine, ("dataset", this)));
        return Names(subgroups).Aggregate(check, (c, column) => c.Subgroup(column, callerFile, callerLine));
    }

    /// <summary>An identity-bias check on this data's labels and probabilities, with a first identity subgroup given in code (add more with <see cref="IdentityBiasCheck.Subgroup(string, IEnumerable{bool}, string, int)"/>).</summary>
    /// <param name="subgroup">The subgroup's name in the report.</param>
    /// <param name="members">One value per row: true when the row mentions the identity.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("dataset")]
    [PolicyKey("subgroups")]
    public IdentityBiasCheck IdentityBias(string subgroup, IEnumerable<bool> members, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new IdentityBiasCheck(CheckState.Start(IdentityBiasKind.Descriptor, callerFile, callerLine, ("dataset", this))).Subgroup(subgroup, members, callerFile, callerLine);
}
