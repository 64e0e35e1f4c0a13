using System.Globalization;
using System.Text.RegularExpressions;
using CatInherit.Data;
using CatInherit.Probes.Counterfactual;
using CatInherit.Probes.IdentityTemplates;

namespace CatInherit.Probes.Interpret;

/// <summary>
/// The features slices are cut on besides a dataset's own categorical columns, derived from the text, the labels and the
/// model's outputs. Their names are fixed (the <c>slices</c> kind's <c>features</c> key lists them):
/// <list type="bullet">
/// <item><c>text_length</c>: the number of words, bucketed 1–5, 6–10, 11–20, 21–40, over 40 (a word is a run of letters or digits).</item>
/// <item><c>gender_term</c>: the text holds a word of the built-in gender swap lists (gender terms and names).</item>
/// <item><c>identity_term</c>: it holds one of Dixon et al.'s 50 identity terms.</item>
/// <item><c>predicted</c>: the predicted class. (Not the true class: with it, the conjunction "label = a and predicted = b" would
/// be wrong by definition and fill every top-k.)</item>
/// <item><c>confidence</c>: the decile of the top-class probability; <c>ood_score</c>: the decile of the OOD score.</item>
/// </list>
/// The two term features have one level, <c>yes</c>: "texts without a gender term" is most of any dataset and would only
/// pad the slices it joins. Deciles cut at the sorted values' tenths, equal values in the same decile, each named by its range.
/// </summary>
internal static partial class SliceFeatures
{
    /// <summary>The derived features, in report order.</summary>
    public static readonly IReadOnlyList<string> Derived = ["text_length", "gender_term", "identity_term", "predicted", "confidence"];

    private static readonly (int Max, string Name)[] LengthBuckets = [(5, "1–5 words"), (10, "6–10 words"), (20, "11–20 words"), (40, "21–40 words"), (int.MaxValue, "over 40 words")];

    private static readonly Lazy<SwapList> GenderWords = new(() => SwapList.Load("gender"));

    private static readonly Lazy<HashSet<string>> IdentityWords = new(() => new HashSet<string>(IdentityTerms.Terms.Where(t => !t.Contains(' ', StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<string[]> IdentityPhrases = new(() => [.. IdentityTerms.Terms.Where(t => t.Contains(' ', StringComparison.Ordinal)).Select(t => $" {t} ")]);

    /// <summary>A feature from one value per row (null where it does not apply); levels in <paramref name="order"/>, else sorted.</summary>
    public static SliceFeature FromValues(string name, IReadOnlyList<string?> values, IReadOnlyList<string>? order = null)
    {
        var levels = order is not null ? [.. order.Where(l => values.Contains(l))] : values.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var index = levels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        return new SliceFeature(name, [.. values.Select(v => v is null ? -1 : index[v])], [.. levels]);
    }

    /// <summary>A dataset's categorical column, restricted to <paramref name="rows"/> (every row when null).</summary>
    public static SliceFeature Column(CategoricalColumn column, IReadOnlyList<int>? rows = null) =>
        FromValues(column.Name, rows is null ? [.. column.Codes.Select(c => column.Levels[c])] : [.. rows.Select(r => column.Levels[column.Codes[r]])]);

    /// <summary>The words of a text: runs of letters or digits (with an inner apostrophe).</summary>
    public static int WordCount(string text) => Word().Count(text);

    /// <summary><c>text_length</c>: each text's word count, bucketed.</summary>
    public static SliceFeature TextLength(IReadOnlyList<string> texts) =>
        FromValues("text_length", [.. texts.Select(t => WordCount(t) is var words and > 0 ? LengthBuckets.First(b => words <= b.Max).Name : "no words")], ["no words", .. LengthBuckets.Select(b => b.Name)]);

    /// <summary><c>gender_term</c>: <c>yes</c> for each text that holds a word of the built-in gender swap lists.</summary>
    public static SliceFeature GenderTerm(IReadOnlyList<string> texts) =>
        FromValues("gender_term", [.. texts.Select(t => GenderWords.Value.Swap(t) is null ? null : "yes")], ["yes"]);

    /// <summary><c>identity_term</c>: <c>yes</c> for each text that holds one of the built-in identity terms (whole words, any case).</summary>
    public static SliceFeature IdentityTerm(IReadOnlyList<string> texts) =>
        FromValues("identity_term", [.. texts.Select(t => HasIdentityTerm(t) ? "yes" : null)], ["yes"]);

    /// <summary>A class feature (<c>predicted</c>) from class indices.</summary>
    public static SliceFeature Class(string name, IReadOnlyList<int> classes, IReadOnlyList<string> names) =>
        FromValues(name, [.. classes.Select(c => c >= 0 && c < names.Count ? names[c] : null)], names);

    /// <summary>
    /// A decile feature: equal values share a decile (the one of their first position in sorted order); each level is
    /// named by the range of its values.
    /// </summary>
    public static SliceFeature Deciles(string name, IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var decile = new int[n];
        for (var row = 0; row < n; row++)
        {
            var rank = LowerBound(sorted, values[row]);
            decile[row] = Math.Min(9, rank * 10 / Math.Max(1, n));
        }

        var present = decile.Distinct().Order().ToArray();
        var names = present.ToDictionary(d => d, d =>
        {
            var inside = Enumerable.Range(0, n).Where(r => decile[r] == d).Select(r => values[r]).ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"{Metrics.Numbers.Format(inside.Min())} to {Metrics.Numbers.Format(inside.Max())} (decile {d + 1})");
        });
        return new SliceFeature(name, [.. decile.Select(d => Array.IndexOf(present, d))], [.. present.Select(d => names[d])]);
    }

    /// <summary>The derived features a row set supports, in report order, when <paramref name="wanted"/> names them (all when null).</summary>
    public static List<SliceFeature> Derive(IReadOnlyList<string>? texts, IReadOnlyList<int>? predicted, IReadOnlyList<double>? confidence, IReadOnlyList<string> classes, IReadOnlyCollection<string>? wanted = null)
    {
        bool Want(string name) => wanted is null || wanted.Contains(name);
        var features = new List<SliceFeature>();
        if (texts is not null)
        {
            if (Want("text_length"))
            {
                features.Add(TextLength(texts));
            }

            if (Want("gender_term"))
            {
                features.Add(GenderTerm(texts));
            }

            if (Want("identity_term"))
            {
                features.Add(IdentityTerm(texts));
            }
        }

        if (predicted is not null && Want("predicted"))
        {
            features.Add(Class("predicted", predicted, classes));
        }

        if (confidence is not null && Want("confidence"))
        {
            features.Add(Deciles("confidence", confidence));
        }

        return features;
    }

    /// <summary>Each row's error: 1 when its prediction differs from its label.</summary>
    public static double[] Misclassified(PredictionSet predictions) =>
        [.. Enumerable.Range(0, predictions.Count).Select(r => predictions.Predicted[r] == predictions.Labels[r] ? 0.0 : 1.0)];

    /// <summary>The texts of a dataset's rows, when the model that read them reads text (null otherwise).</summary>
    public static IReadOnlyList<string>? Texts(ProbeInput input, Policy.ModelSpec? model) =>
        (input.Model ?? model)?.TextColumn is { } column && input.Table.Has(column) ? input.Table.Column<TextColumn>(column).Values : null;

    /// <summary>Each row's top-class probability, when the predictions have probabilities.</summary>
    public static double[]? TopProbability(PredictionSet predictions)
    {
        if (predictions.Probabilities is null)
        {
            return null;
        }

        var result = new double[predictions.Count];
        for (var row = 0; row < result.Length; row++)
        {
            var max = double.NegativeInfinity;
            foreach (var p in predictions.ProbabilityRow(row))
            {
                max = Math.Max(max, p);
            }

            result[row] = max;
        }

        return result;
    }

    private static bool HasIdentityTerm(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToArray();
        if (words.Any(IdentityWords.Value.Contains))
        {
            return true;
        }

        var joined = $" {string.Join(' ', words).ToLowerInvariant()} ";
        return IdentityPhrases.Value.Any(p => joined.Contains(p, StringComparison.Ordinal));
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'\p{L}+)*", RegexOptions.CultureInvariant)]
    internal static partial Regex Word();
}
