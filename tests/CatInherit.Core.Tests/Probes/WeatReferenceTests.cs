using System.Text.Json;
using CatInherit.Metrics;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

/// <summary>WEAT against numpy (Fixtures/make_weat_fixtures.py).</summary>
public sealed class WeatReferenceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load("weat.json").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static double[][] Matrix(JsonElement c, string key) =>
        [.. c.GetProperty(key).EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Effect_size_statistic_and_p_value_match_numpy(string name)
    {
        var c = Fixture.Load("weat.json").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);

        var result = Weat.Compute(Matrix(c, "X"), Matrix(c, "Y"), Matrix(c, "A"), Matrix(c, "B"), 100_000, seed: 42);

        Assert.Equal(c.GetProperty("effect_size").GetDouble(), result.EffectSize, 1e-9);
        Assert.Equal(c.GetProperty("statistic").GetDouble(), result.Statistic, 1e-9);
        Assert.Equal(c.GetProperty("exact").GetBoolean(), result.Exact);
        if (result.Exact)
        {
            Assert.Equal(c.GetProperty("p_value").GetDouble(), result.PValue, 1e-12);
        }
        else
        {
            // Sampled on both sides with different generators: 100,000 vs 200,000 draws agree to a few standard errors.
            Assert.Equal(c.GetProperty("p_value").GetDouble(), result.PValue, 0.003);
            Assert.Equal(100_000, result.Partitions);
        }
    }

    [Fact]
    public void The_test_is_exact_exactly_when_the_partitions_fit_the_budget()
    {
        Assert.Equal(12_870, Weat.Partitions(8));
        Assert.Equal(126_410_606_437_752, Weat.Partitions(25));
        var c = Fixture.Load("weat.json").EnumerateArray().First();

        var sampled = Weat.Compute(Matrix(c, "X"), Matrix(c, "Y"), Matrix(c, "A"), Matrix(c, "B"), 12_869, seed: 1);
        var exact = Weat.Compute(Matrix(c, "X"), Matrix(c, "Y"), Matrix(c, "A"), Matrix(c, "B"), 12_870, seed: 1);

        Assert.False(sampled.Exact);
        Assert.True(exact.Exact);
        Assert.Equal(exact.EffectSize, sampled.EffectSize);
    }

    [Fact]
    public void Sampled_p_values_count_the_observed_partition_and_are_seeded()
    {
        var c = Fixture.Load("weat.json").EnumerateArray().First();
        var a = Weat.Compute(Matrix(c, "X"), Matrix(c, "Y"), Matrix(c, "A"), Matrix(c, "B"), 999, seed: 7);
        var b = Weat.Compute(Matrix(c, "X"), Matrix(c, "Y"), Matrix(c, "A"), Matrix(c, "B"), 999, seed: 7);

        Assert.Equal(a.PValue, b.PValue);
        Assert.True(a.PValue >= 1.0 / 1000);
        Assert.Equal(0, (a.PValue * 1000) % 1, 9);
    }

    [Fact]
    public void The_effect_size_interval_brackets_the_estimate()
    {
        var c = Fixture.Load("weat.json").EnumerateArray().First();

        var result = Weat.Compute(Matrix(c, "X"), Matrix(c, "Y"), Matrix(c, "A"), Matrix(c, "B"), 100_000, seed: 3, resamples: 500);

        Assert.InRange(result.EffectSize, result.EffectSizeInterval!.Value.Lower, result.EffectSizeInterval.Value.Upper);
    }

    [Fact]
    public void Swapping_the_targets_flips_the_sign()
    {
        var c = Fixture.Load("weat.json").EnumerateArray().First();

        var forward = Weat.Compute(Matrix(c, "X"), Matrix(c, "Y"), Matrix(c, "A"), Matrix(c, "B"), 100_000, 0);
        var backward = Weat.Compute(Matrix(c, "Y"), Matrix(c, "X"), Matrix(c, "A"), Matrix(c, "B"), 100_000, 0);

        Assert.Equal(-forward.EffectSize, backward.EffectSize, 12);
    }
}
