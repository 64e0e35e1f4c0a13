namespace CatInherit.Metrics;

/// <summary>The Wilson score interval of a proportion (Wilson 1927), at 95% by default.</summary>
public static class WilsonInterval
{
    /// <summary>The interval around <paramref name="proportion"/> observed on <paramref name="n"/> trials; [0, 1] when n is 0.</summary>
    public static Interval Of(double proportion, long n, double z = 1.959963984540054)
    {
        if (n <= 0)
        {
            return new Interval(0, 1);
        }

        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (proportion + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((proportion * (1 - proportion) / n) + (z2 / (4.0 * n * n))) / denominator;
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
