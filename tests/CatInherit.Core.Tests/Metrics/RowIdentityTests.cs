using CatInherit.Metrics;

namespace CatInherit.Tests.Metrics;

/// <summary>Row identities: by content and occurrence, so file order does not matter and two halves give the whole.</summary>
public sealed class RowIdentityTests
{
    private static ulong[] Contents(int seed, int count)
    {
        // Few distinct contents, so most rows repeat another.
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => RowContent.Of("row").Add(random.Next(0, 7) / 2.0).Hash)];
    }

    [Fact]
    public void Two_halves_continuing_the_occurrences_give_exactly_the_identities_of_the_whole()
    {
        var contents = Contents(1, 500);
        var table = new OccurrenceTable();

        var halves = RowIdentity.Assign(contents.AsSpan(0, 180), table).Concat(RowIdentity.Assign(contents.AsSpan(180), table)).ToArray();

        Assert.Equal(RowIdentity.Assign(contents), halves);
        Assert.Equal(contents.Distinct().Count(), table.Count);
    }

    [Fact]
    public void Identities_do_not_depend_on_row_order()
    {
        var contents = Contents(2, 300);
        var shuffled = contents.OrderBy(_ => Guid.NewGuid()).ToArray();

        // The same (content, identity) pairs, whichever row had which place.
        var a = contents.Zip(RowIdentity.Assign(contents)).Order().ToArray();
        var b = shuffled.Zip(RowIdentity.Assign(shuffled)).Order().ToArray();

        Assert.Equal(a, b);
        Assert.Equal(contents.Length, RowIdentity.Assign(contents).Distinct().Count());
    }

    [Fact]
    public void Content_hashes_by_value()
    {
        Assert.Equal(RowContent.Of("in").Add(0.0).Hash, RowContent.Of("in").Add(-0.0).Hash);
        Assert.NotEqual(RowContent.Of("in").Add(1.0).Hash, RowContent.Of("out").Add(1.0).Hash);
        Assert.NotEqual(RowContent.Of("t").Add("ab").Add("c").Hash, RowContent.Of("t").Add("a").Add("bc").Hash);
        Assert.NotEqual(RowContent.Of("t").Add(1.0).Add(2.0).Hash, RowContent.Of("t").Add(2.0).Add(1.0).Hash);
    }
}
