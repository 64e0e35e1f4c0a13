using System.Runtime.CompilerServices;
using CatInherit.Probes.IdentityTemplates;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceModel
{
    /// <summary>An identity-templates check on this text classifier: Dixon et al.'s identity terms, templates and fillers unless given.</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("model")]
    public IdentityTemplatesCheck IdentityTemplates([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(CheckState.Start(IdentityTemplatesKind.Descriptor, callerFile, callerLine, ("model", this)));
}
