using System.Runtime.CompilerServices;
using CatInherit.Probes.EmbeddingAssociation;

namespace CatInherit.CodeFirst;

public sealed partial class InheritanceModel
{
    /// <summary>A built-in WEAT test on this embedding model.</summary>
    /// <param name="test">The test.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("test")]
    [PolicyKey("model")]
    public EmbeddingAssociationCheck EmbeddingAssociation(WeatTest test, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        new(CheckState.Start(EmbeddingAssociationKind.Descriptor, callerFile, callerLine, ("model", this), ("test", PolicyNames.Value(test, EmbeddingAssociationKind.Descriptor, "test"))));

    /// <summary>A WEAT test of your own on this embedding model: does X associate with A (and Y with B) more than the reverse?</summary>
    /// <param name="targetsX">The first target set (X).</param>
    /// <param name="targetsY">The second target set (Y), of the same size.</param>
    /// <param name="attributesA">The first attribute set (A).</param>
    /// <param name="attributesB">The second attribute set (B).</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("targets")]
    [PolicyKey("attributes")]
    [PolicyKey("model")]
    public EmbeddingAssociationCheck EmbeddingAssociation(WordSet targetsX, WordSet targetsY, WordSet attributesA, WordSet attributesB, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(targetsX);
        ArgumentNullException.ThrowIfNull(targetsY);
        ArgumentNullException.ThrowIfNull(attributesA);
        ArgumentNullException.ThrowIfNull(attributesB);
        return new(CheckState.Start(EmbeddingAssociationKind.Descriptor, callerFile, callerLine, ("model", this), ("targets", new object[] { targetsX, targetsY }), ("attributes", new object[] { attributesA, attributesB })));
    }
}
