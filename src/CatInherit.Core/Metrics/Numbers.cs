using System.Globalization;

namespace CatInherit.Metrics;

/// <summary>How numbers appear in human-readable text (messages, Markdown). JSON keeps full precision.</summary>
public static class Numbers
{
    /// <summary>Up to four decimals; three significant digits for tiny values; an exponent from a million up (1e308 is <c>1E+308</c>, not 309 digits).</summary>
    public static string Format(double value) => Math.Abs(value) switch
    {
        0 => "0",
        < 0.001 => value.ToString("G3", CultureInfo.InvariantCulture),
        >= 1e6 => value.ToString("0.####E+0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary><c>1 check</c>, <c>2 checks</c>: a count with its noun in the right number.</summary>
    public static string Count(int count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");

    /// <summary><c>[lo, hi]</c>.</summary>
    public static string Format(Metrics.Interval interval) => $"[{Format(interval.Lower)}, {Format(interval.Upper)}]";
}
