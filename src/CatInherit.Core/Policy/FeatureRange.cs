using System.Globalization;
using System.Text.RegularExpressions;

namespace CatInherit.Policy;

/// <summary>Feature-column ranges: <c>p0..p783</c> is p0, p1, …, p783 (same prefix, ascending numbers).</summary>
internal static partial class FeatureRange
{
    public static IEnumerable<string> Expand(string entry)
    {
        var match = Pattern().Match(entry);
        if (!match.Success || match.Groups[1].Value != match.Groups[3].Value)
        {
            return [entry];
        }

        var prefix = match.Groups[1].Value;
        var from = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var to = int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
        return to < from ? [entry] : Enumerable.Range(from, to - from + 1).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^([A-Za-z_]*)(\d+)\.\.([A-Za-z_]*)(\d+)$")]
    private static partial Regex Pattern();
}
