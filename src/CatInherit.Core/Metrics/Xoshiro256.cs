namespace CatInherit.Metrics;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64. Owned here rather than
/// <see cref="Random"/> so a seed gives the same stream on every .NET version and platform.
/// </summary>
internal struct Xoshiro256
{
    private ulong s0, s1, s2, s3;

    public Xoshiro256(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    /// <summary>A generator for stream <paramref name="stream"/> of <paramref name="seed"/> (independent per stream).</summary>
    public static Xoshiro256 ForStream(ulong seed, ulong stream)
    {
        var mixed = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        return new Xoshiro256(SplitMix(ref mixed));
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-shift with rejection (no modulo bias).</summary>
    public int NextInt(int bound)
    {
        var range = (ulong)bound;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)product;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
