using System.Globalization;

namespace CatInherit.Data;

/// <summary>
/// One spelling per class label, so <c>1</c>, <c>1.0</c> and <c>"1"</c> in a CSV, a JSONL file and the
/// policy's <c>positive_label</c> all name the same class.
/// </summary>
internal static class LabelText
{
    public static string Canonical(string value)
    {
        var trimmed = value.Trim();
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : trimmed;
    }

    /// <summary>The classes of <paramref name="width"/> scores when no <c>classes</c> name them: 0 … K − 1, and 0, 1 for one score (a binary model's positive class).</summary>
    public static string[] OutputClasses(int width) => [.. Enumerable.Range(0, Math.Max(2, width)).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Numeric labels sort by value, others ordinally, numbers first.</summary>
    public static int Compare(string a, string b)
    {
        var aNumber = double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x);
        var bNumber = double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y);
        return (aNumber, bNumber) switch
        {
            (true, true) => x.CompareTo(y),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        };
    }
}
