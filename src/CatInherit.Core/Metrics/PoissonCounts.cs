using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CatInherit.Metrics;

/// <summary>
/// The Poisson(1) bootstrap's counts from a counter-based random stream: row <c>i</c> (a
/// <see cref="RowIdentity"/>) is drawn <c>Count(identity, Key(seed, b))</c> times in resample <c>b</c>. A count depends
/// on nothing but the seed, the resample and the row's identity, so resamples run in any order on any number of threads,
/// no row is copied, and two halves of the data give exactly the counts the whole would. The uniform is the SplitMix64
/// output function of (identity XOR resample key); the count is its inverse Poisson(1) CDF, read against thresholds
/// ⌈2⁶⁴ · P(X ≤ k)⌉ computed once in exact arithmetic (<c>Fixtures/make_poisson_fixtures.py</c>), so no
/// floating-point function, and no platform, can change a count. Vectorised kernels give the same counts as the scalar one.
/// </summary>
internal static class PoissonCounts
{
    /// <summary>The golden-ratio increment of SplitMix64.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The largest count: a uniform of 64 bits cannot resolve P(X &gt; 20) ≈ 7·10⁻²¹.</summary>
    public const int MaxCount = 20;

    /// <summary>A count is ≥ k + 1 exactly when the uniform is ≥ Thresholds[k] = ⌈2⁶⁴ · P(X ≤ k)⌉, X ~ Poisson(1).</summary>
    internal static readonly ulong[] Thresholds =
    [
        0x5e2d58d8b3bcdf1bUL, 0xbc5ab1b16779be36UL, 0xeb715e1dc1582dc3UL, 0xfb23979734a252f2UL, 0xff1025f59174dc3eUL,
        0xffd90f3ba4055e1aUL, 0xfffa8b71fc72c914UL, 0xffff540c0914b3caUL, 0xffffed1f4aa8f121UL, 0xfffffe216e641463UL,
        0xffffffd4d85d3184UL, 0xfffffffc6da262b5UL, 0xffffffffba12d179UL, 0xfffffffffb07c64dUL, 0xffffffffffab8ea6UL,
        0xfffffffffffabe23UL, 0xffffffffffffb11bUL, 0xfffffffffffffba2UL, 0xffffffffffffffc6UL, 0xfffffffffffffffeUL,
    ];

    // The vector kernels compare against the first five thresholds and finish a lane in scalar code only when its
    // uniform reaches the sixth (P(X > 5) ≈ 6·10⁻⁴ per row).
    private const ulong T0 = 0x5e2d58d8b3bcdf1bUL, T1 = 0xbc5ab1b16779be36UL, T2 = 0xeb715e1dc1582dc3UL, T3 = 0xfb23979734a252f2UL, T4 = 0xff1025f59174dc3eUL, T5 = 0xffd90f3ba4055e1aUL;

    /// <summary>The key of resample <paramref name="resample"/> of a check whose seed is <paramref name="seed"/> (see <see cref="StableHash.CheckSeed"/>).</summary>
    public static ulong Key(ulong seed, int resample) => Mix(unchecked(seed + ((ulong)(resample + 1) * Gamma)));

    /// <summary>The SplitMix64 output function (Stafford's Mix13): a bijection of 64 bits with full avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>How many times the row <paramref name="identity"/> is drawn in the resample with key <paramref name="key"/>.</summary>
    public static int Count(ulong identity, ulong key) => CountOfUniform(Mix(identity ^ key));

    /// <summary>The inverse Poisson(1) CDF of a 64-bit uniform.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountOfUniform(ulong u)
    {
        var count = 0;
        while (count < Thresholds.Length && u >= Thresholds[count])
        {
            count++;
        }

        return count;
    }

    /// <summary>Writes the count of every row of <paramref name="identities"/> into <paramref name="counts"/>; returns their sum.</summary>
    public static long Fill(ReadOnlySpan<ulong> identities, ulong key, Span<byte> counts)
    {
        if (counts.Length < identities.Length)
        {
            throw new ArgumentException("One count per identity.", nameof(counts));
        }

        long total = 0;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var keys = Vector512.Create(key);
            for (; i <= identities.Length - Vector512<ulong>.Count; i += Vector512<ulong>.Count)
            {
                var c = Counts512(Vector512.Create(identities.Slice(i, Vector512<ulong>.Count)) ^ keys);
                total += (long)Vector512.Sum(c);
                if (Avx512F.IsSupported)
                {
                    // VPMOVQB: the eight counts (each ≤ 20) as eight bytes.
                    Unsafe.WriteUnaligned(ref counts[i], Avx512F.ConvertToVector128Byte(c).AsUInt64().ToScalar());
                    continue;
                }

                for (var lane = 0; lane < Vector512<ulong>.Count; lane++)
                {
                    counts[i + lane] = (byte)c.GetElement(lane);
                }
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var keys = Vector256.Create(key);
            for (; i <= identities.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                var c = Counts256(Vector256.Create(identities.Slice(i, Vector256<ulong>.Count)) ^ keys);
                total += (long)Vector256.Sum(c);
                for (var lane = 0; lane < Vector256<ulong>.Count; lane++)
                {
                    counts[i + lane] = (byte)c.GetElement(lane);
                }
            }
        }

        for (; i < identities.Length; i++)
        {
            var c = Count(identities[i], key);
            counts[i] = (byte)c;
            total += c;
        }

        return total;
    }

    /// <summary>The sum of the counts of the rows <paramref name="identities"/>.</summary>
    public static long Sum(ReadOnlySpan<ulong> identities, ulong key)
    {
        long total = 0;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var keys = Vector512.Create(key);
            var sum = Vector512<ulong>.Zero;
            for (; i <= identities.Length - Vector512<ulong>.Count; i += Vector512<ulong>.Count)
            {
                sum += Counts512(Vector512.Create(identities.Slice(i, Vector512<ulong>.Count)) ^ keys);
            }

            total += (long)Vector512.Sum(sum);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var keys = Vector256.Create(key);
            var sum = Vector256<ulong>.Zero;
            for (; i <= identities.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                sum += Counts256(Vector256.Create(identities.Slice(i, Vector256<ulong>.Count)) ^ keys);
            }

            total += (long)Vector256.Sum(sum);
        }

        for (; i < identities.Length; i++)
        {
            total += Count(identities[i], key);
        }

        return total;
    }

    /// <summary>
    /// The sum of the counts of the rows whose identities are <see cref="RowIdentity.Of"/>(<paramref name="content"/>, j)
    /// for j in [<paramref name="from"/>, <paramref name="to"/>): every occurrence of one content, without storing them.
    /// </summary>
    public static long SumOccurrences(ulong content, long from, long to, ulong key)
    {
        long total = 0;
        var j = from;
        unchecked
        {
            if (Vector512.IsHardwareAccelerated && to - j >= Vector512<ulong>.Count)
            {
                var keys = Vector512.Create(key);
                var step = Vector512.Create((ulong)Vector512<ulong>.Count * Gamma);
                var state = Vector512.Create(content + ((ulong)(j + 1) * Gamma)) + (Vector512.CreateSequence(0UL, 1UL) * Vector512.Create(Gamma));
                var sum = Vector512<ulong>.Zero;
                for (; j <= to - Vector512<ulong>.Count; j += Vector512<ulong>.Count)
                {
                    sum += Counts512(Mix512(state) ^ keys);
                    state += step;
                }

                total += (long)Vector512.Sum(sum);
            }
            else if (Vector256.IsHardwareAccelerated && to - j >= Vector256<ulong>.Count)
            {
                var keys = Vector256.Create(key);
                var step = Vector256.Create((ulong)Vector256<ulong>.Count * Gamma);
                var state = Vector256.Create(content + ((ulong)(j + 1) * Gamma)) + (Vector256.CreateSequence(0UL, 1UL) * Vector256.Create(Gamma));
                var sum = Vector256<ulong>.Zero;
                for (; j <= to - Vector256<ulong>.Count; j += Vector256<ulong>.Count)
                {
                    sum += Counts256(Mix256(state) ^ keys);
                    state += step;
                }

                total += (long)Vector256.Sum(sum);
            }
        }

        for (; j < to; j++)
        {
            total += Count(RowIdentity.Of(content, j), key);
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix512(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix256(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>The counts of eight rows whose (identity XOR key) are <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Counts512(Vector512<ulong> x)
    {
        var u = Mix512(x);
        // A true comparison is all ones (−1): subtracting it adds one.
        var count = Vector512<ulong>.Zero - Vector512.GreaterThanOrEqual(u, Vector512.Create(T0)) - Vector512.GreaterThanOrEqual(u, Vector512.Create(T1))
            - Vector512.GreaterThanOrEqual(u, Vector512.Create(T2)) - Vector512.GreaterThanOrEqual(u, Vector512.Create(T3)) - Vector512.GreaterThanOrEqual(u, Vector512.Create(T4));
        if (Vector512.GreaterThanOrEqualAny(u, Vector512.Create(T5)))
        {
            Span<ulong> lanes = stackalloc ulong[Vector512<ulong>.Count];
            for (var lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = (ulong)CountOfUniform(u.GetElement(lane));
            }

            return Vector512.Create((ReadOnlySpan<ulong>)lanes);
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Counts256(Vector256<ulong> x)
    {
        var u = Mix256(x);
        // A true comparison is all ones (−1): subtracting it adds one.
        var count = Vector256<ulong>.Zero - Vector256.GreaterThanOrEqual(u, Vector256.Create(T0)) - Vector256.GreaterThanOrEqual(u, Vector256.Create(T1))
            - Vector256.GreaterThanOrEqual(u, Vector256.Create(T2)) - Vector256.GreaterThanOrEqual(u, Vector256.Create(T3)) - Vector256.GreaterThanOrEqual(u, Vector256.Create(T4));
        if (Vector256.GreaterThanOrEqualAny(u, Vector256.Create(T5)))
        {
            Span<ulong> lanes = stackalloc ulong[Vector256<ulong>.Count];
            for (var lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = (ulong)CountOfUniform(u.GetElement(lane));
            }

            return Vector256.Create((ReadOnlySpan<ulong>)lanes);
        }

        return count;
    }
}
