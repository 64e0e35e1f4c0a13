using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.EmbeddingAssociation;

namespace CatInherit.CodeFirst;

/// <summary>An embedding-association check: WEAT on a model's embeddings of word sets; SEAT when the words are placed in sentence templates.</summary>
public sealed class EmbeddingAssociationCheck : InheritanceCheck<EmbeddingAssociationCheck, EmbeddingAssociationMetric>, ICodeFirstKind
{
    internal EmbeddingAssociationCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => EmbeddingAssociationKind.Descriptor;

    /// <summary>SEAT: each word is embedded in these sentence templates (each with a <c>{word}</c> placeholder).</summary>
    /// <param name="templates">The templates.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("templates")]
    public EmbeddingAssociationCheck Templates(IEnumerable<string> templates, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("templates", InheritanceData.Names(templates).Cast<object>().ToArray(), callerFile, callerLine);

    /// <summary>SEAT with May et al.'s (2019) semantically bleached templates ("This is {word}.", ...).</summary>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("templates")]
    public EmbeddingAssociationCheck BleachedTemplates([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("templates", "bleached", callerFile, callerLine);

    /// <summary>The exact test runs when C(2n, n) is at most this, else this many seeded random re-partitions (default 100,000).</summary>
    /// <param name="count">The number of permutations.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("permutations")]
    public EmbeddingAssociationCheck Permutations(int count, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("permutations", count, callerFile, callerLine);

    private protected override EmbeddingAssociationCheck With(CheckState state) => new(state);
}
