using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Perturbation;

namespace CatInherit.CodeFirst;

/// <summary>A perturbation check: CheckList-style invariance tests (typos, misspellings, homoglyphs, synonyms) and directional tests (negation, intensifiers) on a text classifier.</summary>
public sealed class PerturbationCheck : InheritanceCheck<PerturbationCheck, PerturbationMetric>, ICodeFirstKind
{
    internal PerturbationCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => PerturbationKind.Descriptor;

    /// <summary>How many of the data's texts to perturb, a seeded sample (default 200; all when fewer).</summary>
    /// <param name="texts">The number of texts.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("samples")]
    public PerturbationCheck Samples(int texts, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("samples", texts, callerFile, callerLine);

    /// <summary>The class whose probability the directional tests follow (default <c>1</c>).</summary>
    /// <param name="label">The positive class.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("positive_label")]
    public PerturbationCheck PositiveLabel<TLabel>(TLabel label, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("positive_label", InMemoryColumn.Text(label), callerFile, callerLine);

    /// <summary>How far a directional test may move the positive-class probability the wrong way before it fails (default 0.1).</summary>
    /// <param name="tolerance">From 0 to 1.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("tolerance")]
    public PerturbationCheck Tolerance(double tolerance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("tolerance", tolerance, callerFile, callerLine);

    /// <summary>A synonym list to use instead of the built-in WordNet one: lines <c>word&lt;TAB&gt;synonym,synonym</c>.</summary>
    /// <param name="path">The file; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("synonyms")]
    public PerturbationCheck SynonymsFromFile(string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("synonyms", CodeFirstPaths.Resolve(path, callerFile), callerFile, callerLine);

    /// <summary>A misspelling list to use instead of the built-in Hunspell patterns: lines <c>correct&lt;TAB&gt;misspelt</c>.</summary>
    /// <param name="path">The file; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("misspellings")]
    public PerturbationCheck MisspellingsFromFile(string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("misspellings", CodeFirstPaths.Resolve(path, callerFile), callerFile, callerLine);

    private protected override PerturbationCheck With(CheckState state) => new(state);

    /// <summary>The policy's name of a test.</summary>
    internal static string Name(PerturbationTest test) => PolicyNames.Of(test, PerturbationKind.Tests);
}
