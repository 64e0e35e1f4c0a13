using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Adversarial;

namespace CatInherit.CodeFirst;

/// <summary>
/// An adversarial check: a budgeted black-box attack on each sampled input the model gets right — greedy word
/// substitution for a text model, SimBA in the pixel basis for a model that reads numeric features.
/// </summary>
public sealed class AdversarialCheck : InheritanceCheck<AdversarialCheck, AdversarialMetric>, ICodeFirstKind
{
    internal AdversarialCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => AdversarialKind.Descriptor;

    /// <summary>How many of the data's inputs to attack, a seeded sample (default 100; all when fewer).</summary>
    /// <param name="inputs">The number of inputs.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("samples")]
    public AdversarialCheck Samples(int inputs, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("samples", inputs, callerFile, callerLine);

    /// <summary>Model queries allowed per input, the first prediction included (default 500).</summary>
    /// <param name="queries">The budget.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("max_queries")]
    public AdversarialCheck MaxQueries(int queries, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("max_queries", queries, callerFile, callerLine);

    /// <summary>Text: the largest fraction of an input's words the attack may change, in (0, 1] (default 0.25).</summary>
    /// <param name="fraction">The fraction; ceil(fraction × words) words.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("max_words")]
    public AdversarialCheck MaxWords(double fraction, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("max_words", fraction, callerFile, callerLine);

    /// <summary>Numeric inputs: the L2 budget of the perturbation (required for a model that reads features).</summary>
    /// <param name="epsilon">Greater than 0.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("epsilon")]
    public AdversarialCheck Epsilon(double epsilon, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("epsilon", epsilon, callerFile, callerLine);

    /// <summary>Numeric inputs: SimBA's step on one feature (default 0.2).</summary>
    /// <param name="step">Greater than 0.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("step")]
    public AdversarialCheck Step(double step, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("step", step, callerFile, callerLine);

    /// <summary>Text: a synonym list to use instead of the built-in WordNet one: lines <c>word&lt;TAB&gt;synonym,synonym</c>.</summary>
    /// <param name="path">The file; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("synonyms")]
    public AdversarialCheck SynonymsFromFile(string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("synonyms", CodeFirstPaths.Resolve(path, callerFile), callerFile, callerLine);

    /// <summary>Text: a misspelling list to use instead of the built-in Hunspell patterns: lines <c>correct&lt;TAB&gt;misspelt</c>.</summary>
    /// <param name="path">The file; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("misspellings")]
    public AdversarialCheck MisspellingsFromFile(string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("misspellings", CodeFirstPaths.Resolve(path, callerFile), callerFile, callerLine);

    private protected override AdversarialCheck With(CheckState state) => new(state);
}
