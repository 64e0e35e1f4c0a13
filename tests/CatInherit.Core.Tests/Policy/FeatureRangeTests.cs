using CatInherit.Policy;

namespace CatInherit.Tests.Policy;

public sealed class FeatureRangeTests
{
    [Fact]
    public void Ranges_expand_and_other_names_stay()
    {
        Assert.Equal(["p0", "p1", "p2"], FeatureRange.Expand("p0..p2"));
        Assert.Equal(784, FeatureRange.Expand("p0..p783").Count());
        Assert.Equal(["age"], FeatureRange.Expand("age"));
        Assert.Equal(["a0..b2"], FeatureRange.Expand("a0..b2"));
        Assert.Equal(["p5..p1"], FeatureRange.Expand("p5..p1"));
    }
}
