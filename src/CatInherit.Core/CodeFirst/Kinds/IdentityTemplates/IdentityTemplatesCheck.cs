using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.IdentityTemplates;

namespace CatInherit.CodeFirst;

/// <summary>
/// An identity-templates check: every identity term in the same template sentences, run through a text classifier; per
/// term the mean positive score and error rates, summarised by the false positive and false negative equality differences.
/// Without options it uses Dixon et al.'s terms, templates and fillers.
/// </summary>
public sealed class IdentityTemplatesCheck : InheritanceCheck<IdentityTemplatesCheck, IdentityTemplatesMetric>, ICodeFirstKind
{
    internal IdentityTemplatesCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => IdentityTemplatesKind.Descriptor;

    /// <summary>Your own identity terms, instead of the built-in ones.</summary>
    /// <param name="terms">At least two terms.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("terms")]
    public IdentityTemplatesCheck Terms(IEnumerable<string> terms, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("terms", InheritanceData.Names(terms).Cast<object>().ToArray(), callerFile, callerLine);

    /// <summary>A built-in set's identity terms and yours (e.g. Dixon et al.'s 50 and <c>nonbinary</c>).</summary>
    /// <param name="builtIn">The built-in set.</param>
    /// <param name="more">Your terms.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("terms")]
    public IdentityTemplatesCheck Terms(IdentityMadlibs builtIn, IEnumerable<string> more, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("terms", InheritanceData.Names(more).Prepend(Name(builtIn)).Cast<object>().ToArray(), callerFile, callerLine);

    /// <summary>Identity terms from a word-list file (one term a line; blank lines and <c>#</c> comments skipped), instead of the built-in ones.</summary>
    /// <param name="path">A <c>.txt</c> file; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not end in <c>.txt</c> (a policy reads any other value as a term).</exception>
    [PolicyKey("terms")]
    public IdentityTemplatesCheck TermsFromFile(string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            ? Set("terms", CodeFirstPaths.Resolve(path, callerFile), callerFile, callerLine)
            : throw new ArgumentException($"A word-list file of identity terms ends in .txt; '{path}' does not.", nameof(path));
    }

    /// <summary>Your own templates instead of the built-in ones: sentences with <c>{term}</c> and, optionally, <c>{filler}</c>.</summary>
    /// <param name="templates">The templates, e.g. <c>"Our waiter was {term} and {filler}."</c>.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("templates")]
    public IdentityTemplatesCheck Templates(IEnumerable<string> templates, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("templates", InheritanceData.Names(templates).Cast<object>().ToArray(), callerFile, callerLine);

    /// <summary>A built-in set's fillers (the default): Dixon et al.'s 16 positive and 16 negative adjectives.</summary>
    /// <param name="builtIn">The built-in set.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("fillers")]
    public IdentityTemplatesCheck Fillers(IdentityMadlibs builtIn, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Set("fillers", PolicyNames.Value(builtIn, IdentityTemplatesKind.Descriptor, "fillers"), callerFile, callerLine);

    /// <summary>Your own fillers, by the class the sentence should get: a positive filler missed is a false negative, a negative one hit a false positive.</summary>
    /// <param name="positive">Fillers that make a sentence of the positive class.</param>
    /// <param name="negative">Fillers that make a sentence of another class.</param>
    /// <param name="neutral">Fillers with no expected class: only their scores count.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("fillers")]
    public IdentityTemplatesCheck Fillers(IEnumerable<string> positive, IEnumerable<string> negative, IEnumerable<string>? neutral = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        (string Key, object? Value)[] fillers =
        [
            ("positive", InheritanceData.Names(positive)),
            ("negative", InheritanceData.Names(negative)),
            .. neutral is null ? [] : new (string, object?)[] { ("neutral", InheritanceData.Names(neutral)) },
        ];
        return Set("fillers", fillers, callerFile, callerLine);
    }

    /// <summary>The class whose probability is the score (default <c>1</c>).</summary>
    /// <param name="label">The positive class.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("positive_label")]
    public IdentityTemplatesCheck PositiveLabel<TLabel>(TLabel label, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("positive_label", InMemoryColumn.Text(label), callerFile, callerLine);

    /// <summary>A sentence is predicted positive when P(positive) ≥ threshold (default: when the positive class has the highest probability).</summary>
    /// <param name="threshold">Strictly between 0 and 1.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("threshold")]
    public IdentityTemplatesCheck Threshold(double threshold, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("threshold", threshold, callerFile, callerLine);

    private protected override IdentityTemplatesCheck With(CheckState state) => new(state);

    private static string Name(IdentityMadlibs builtIn) => PolicyNames.Of(builtIn, [IdentityTerms.BuiltInName]);
}
