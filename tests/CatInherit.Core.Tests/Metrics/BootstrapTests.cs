using CatInherit.Metrics;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Metrics;

public sealed class BootstrapTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Quantiles_match_numpy()
    {
        foreach (var c in Fixture.Load("quantiles.json").EnumerateArray())
        {
            var values = c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).Order().ToArray();
            Assert.Equal(c.GetProperty("expected").GetDouble(), Quantile.OfSorted(values, c.GetProperty("q").GetDouble()), 1e-12);
        }
    }

    [Fact]
    public void The_generator_matches_the_reference_xoshiro256_star_star()
    {
        foreach (var c in Fixture.Load("xoshiro.json").EnumerateArray())
        {
            var rng = new Xoshiro256(ulong.Parse(c.GetProperty("seed").GetString()!));
            foreach (var expected in c.GetProperty("outputs").EnumerateArray())
            {
                Assert.Equal(ulong.Parse(expected.GetString()!), rng.NextUInt64());
            }
        }
    }

    [Fact]
    public void Bounded_draws_are_uniform()
    {
        var rng = new Xoshiro256(42);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[rng.NextInt(7)]++;
        }

        // Each bucket expects 10,000; 5 standard deviations is about 463.
        Assert.All(counts, c => Assert.InRange(c, 9_537, 10_463));
    }

    private string Data()
    {
        var random = new Random(3);
        var lines = Enumerable.Range(0, 400).Select(i => $"{random.Next(2)},{random.Next(2)},{(i % 3 == 0 ? "a" : "b")}");
        return folder.Write("d.csv", "label,pred,sex\n" + string.Join('\n', lines) + "\n");
    }

    private CheckReport Run(int seed, string extra = "")
    {
        Data();
        return Assert.Single(PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv", checkExtra: extra), seed).Report!.Checks);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_different_ones()
    {
        var first = Run(0).IntervalOf("demographic_parity_difference");
        var again = Run(0).IntervalOf("demographic_parity_difference");
        var other = Run(1).IntervalOf("demographic_parity_difference");

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Intervals_bracket_the_estimate_and_narrow_with_lower_confidence()
    {
        var wide = Run(0, "    confidence: 0.99\n");
        var narrow = Run(0, "    confidence: 0.5\n");
        var value = wide.Metrics.Single(m => m.Name == "accuracy").Value;
        var w = wide.IntervalOf("accuracy")!.Value;
        var n = narrow.IntervalOf("accuracy")!.Value;

        Assert.InRange(value, w.Lower, w.Upper);
        Assert.True(n.Lower > w.Lower && n.Upper < w.Upper);
    }

    [Fact]
    public void Resampling_is_within_groups_so_a_constant_group_keeps_a_zero_width_interval()
    {
        // Every row of both groups is predicted positive: selection rates are 1 in every resample.
        folder.Write("d.csv", "label,pred,sex\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i % 2},1,{(i < 20 ? "a" : "b")}\n")));

        var check = Assert.Single(PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv")).Report!.Checks);

        Assert.Equal(new Interval(0, 0), check.IntervalOf("demographic_parity_difference"));
    }

    [Fact]
    public void A_seed_is_independent_of_other_checks()
    {
        Assert.Equal(StableHash.CheckSeed(0, "parity"), StableHash.CheckSeed(0, "parity"));
        Assert.NotEqual(StableHash.CheckSeed(0, "parity"), StableHash.CheckSeed(0, "parity2"));
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Of("a")); // FNV-1a 64 test vector
    }
}
