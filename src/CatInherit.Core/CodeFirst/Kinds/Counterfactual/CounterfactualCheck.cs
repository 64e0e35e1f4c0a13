using System.Runtime.CompilerServices;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Counterfactual;

namespace CatInherit.CodeFirst;

/// <summary>A counterfactual check: each text and its twin with gendered words or names swapped go through a text classifier; how much does the prediction move?</summary>
public sealed class CounterfactualCheck : InheritanceCheck<CounterfactualCheck, CounterfactualMetric>, ICodeFirstKind
{
    internal CounterfactualCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => CounterfactualKind.Descriptor;

    /// <summary>Words for a placeholder of the template other than <c>{swap}</c>: every combination is one text.</summary>
    /// <param name="placeholder">The placeholder's name, without braces.</param>
    /// <param name="words">The words it takes.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("fill")]
    public CounterfactualCheck Fill(string placeholder, IEnumerable<string> words, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        FillWith(placeholder, InheritanceData.Names(words), callerFile, callerLine);

    /// <summary>Words for a placeholder of the template, from a word-list file (one per line).</summary>
    /// <param name="placeholder">The placeholder's name, without braces.</param>
    /// <param name="path">The word-list file; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("fill")]
    public CounterfactualCheck FillFromFile(string placeholder, string path, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FillWith(placeholder, CodeFirstPaths.Resolve(path, callerFile), callerFile, callerLine);
    }

    /// <summary>The class whose probability change is measured (default <c>1</c>).</summary>
    /// <param name="label">The positive class.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("positive_label")]
    public CounterfactualCheck PositiveLabel<TLabel>(TLabel label, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TLabel : notnull => Set("positive_label", InMemoryColumn.Text(label), callerFile, callerLine);

    private protected override CounterfactualCheck With(CheckState state) => new(state);

    /// <summary>The <c>swap</c> value of a built-in list.</summary>
    internal static string Swap(SwapList list) => PolicyNames.Value(list, CounterfactualKind.Descriptor, "swap");

    /// <summary>The <c>swap</c> value of two aligned word-list files.</summary>
    internal static (string, object?)[] Swap(string from, string to, string callerFile)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return [("from", CodeFirstPaths.Resolve(from, callerFile)), ("to", CodeFirstPaths.Resolve(to, callerFile))];
    }

    private CounterfactualCheck FillWith(string placeholder, object words, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        var at = SettingList.Caller(callerFile, callerLine);
        var fills = State.Settings.Find("fill") is { } existing ? ((string Key, object? Value)[])existing.Value : [];
        return Set("fill", fills.Where(f => f.Key != placeholder).Append((placeholder, new LocatedValue(at, words))).ToArray(), callerFile, callerLine);
    }
}
