using System.Globalization;

namespace CatInherit.Metrics;

/// <summary>How numbers appear in human-readable text (messages, Markdown). JSON keeps full precision.</summary>
public static class Numbers
{
    /// <summary>Up to four decimals, or three significant digits for tiny values.</summary>
    public static string Format(double value) =>
        value != 0 && Math.Abs(value) < 0.001
            ? value.ToString("G3", CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary><c>[lo, hi]</c>.</summary>
    public static string Format(Metrics.Interval interval) => $"[{Format(interval.Lower)}, {Format(interval.Upper)}]";
}
