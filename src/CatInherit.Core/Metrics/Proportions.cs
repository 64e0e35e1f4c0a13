namespace CatInherit.Metrics;

/// <summary>Intervals for a proportion (a slice's error rate), in closed form.</summary>
internal static class Proportions
{
    /// <summary>
    /// The Wilson score interval of <paramref name="successes"/> out of <paramref name="n"/> at <paramref name="confidence"/>
    /// (two-sided): (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z the normal quantile of 1 − (1 − confidence)/2.
    /// Unlike the normal approximation it stays inside [0, 1] and is not empty at 0 or n successes.
    /// </summary>
    public static Interval Wilson(double successes, long n, double confidence)
    {
        if (n <= 0)
        {
            return new Interval(double.NaN, double.NaN);
        }

        var z = NormalQuantile(1 - ((1 - confidence) / 2));
        var p = successes / n;
        var z2n = z * z / n;
        var centre = p + (z2n / 2);
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2n / (4 * n)));
        var scale = 1 + z2n;
        return new Interval(Math.Max(0, (centre - spread) / scale), Math.Min(1, (centre + spread) / scale)).Including(p);
    }

    /// <summary>
    /// The standard normal quantile Φ⁻¹(<paramref name="p"/>): Acklam's rational approximation refined by one Halley step
    /// on an erfc with relative error below 1e-15, accurate to about 1e-14 in (1e-300, 1 − 1e-16).
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        // The upper half by symmetry: 1 − p is exact there, and the refinement below is precise in the lower tail.
        if (p > 0.5)
        {
            return -NormalQuantile(1 - p);
        }

        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5]) / ((((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1);
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((((((a[0] * r) + a[1]) * r) + a[2]) * r) + a[3]) * r) + a[4]) * r + a[5]) * q / (((((((((b[0] * r) + b[1]) * r) + b[2]) * r) + b[3]) * r) + b[4]) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5]) / ((((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1);
        }

        // One Halley step: e = Φ(x) − p, with Φ(x) = erfc(−x/√2)/2.
        var e = (0.5 * Erfc(-x / Math.Sqrt(2))) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>The complementary error function (W. J. Cody's rational approximations, relative error below 1e-15).</summary>
    public static double Erfc(double x)
    {
        var ax = Math.Abs(x);
        double result;
        if (ax < 0.5)
        {
            // erf by its series-like rational form, erfc = 1 − erf.
            double[] p = [3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1];
            double[] q = [2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03];
            var y = x * x;
            var num = p[4] * y;
            var den = y;
            for (var i = 0; i < 3; i++)
            {
                num = (num + p[i]) * y;
                den = (den + q[i]) * y;
            }

            return 1 - (x * (num + p[3]) / (den + q[3]));
        }

        if (ax <= 4)
        {
            double[] p = [5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8];
            double[] q = [1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03];
            var num = p[8] * ax;
            var den = ax;
            for (var i = 0; i < 7; i++)
            {
                num = (num + p[i]) * ax;
                den = (den + q[i]) * ax;
            }

            result = (num + p[7]) / (den + q[7]);
        }
        else
        {
            double[] p = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2];
            double[] q = [2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];
            var z = 1 / (ax * ax);
            var num = p[5] * z;
            var den = z;
            for (var i = 0; i < 4; i++)
            {
                num = (num + p[i]) * z;
                den = (den + q[i]) * z;
            }

            result = z * (num + p[4]) / (den + q[4]);
            result = (1 / Math.Sqrt(Math.PI) - result) / ax;
        }

        // Cody splits exp(−x²) to keep its precision for large x.
        var trunc = Math.Truncate(ax * 16) / 16;
        result *= Math.Exp(-trunc * trunc) * Math.Exp(-(ax - trunc) * (ax + trunc));
        return x < 0 ? 2 - result : result;
    }
}
