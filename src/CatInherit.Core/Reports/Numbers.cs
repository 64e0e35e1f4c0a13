using System.Globalization;

namespace CatInherit.Reports;

/// <summary>How numbers appear in human-readable text (messages, Markdown). JSON keeps full precision.</summary>
public static class Numbers
{
    /// <summary>Up to four decimals, or three significant digits for tiny values.</summary>
    public static string Format(double value) =>
        value != 0 && Math.Abs(value) < 0.001
            ? value.ToString("G3", CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary><c>1 check</c>, <c>2 checks</c>: a count with its noun in the right number.</summary>
    public static string Count(int count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");

    /// <summary><c>[lo, hi]</c>.</summary>
    public static string Format(Metrics.Interval interval) => $"[{Format(interval.Lower)}, {Format(interval.Upper)}]";
}
