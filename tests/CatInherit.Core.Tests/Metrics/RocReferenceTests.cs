using CatInherit.Metrics;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Metrics;

/// <summary>ROC quantities against scikit-learn (Fixtures/make_roc_fixtures.py).</summary>
public sealed class RocReferenceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load("roc.json").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Auc_tpr_at_fpr_and_advantage_match_scikit_learn(string name)
    {
        var c = Fixture.Load("roc.json").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        double[] Values(string key) => [.. c.GetProperty(key).EnumerateArray().Select(v => v.GetDouble())];
        var positives = Values("positives");
        var negatives = Values("negatives");

        Assert.Equal(c.GetProperty("auc").GetDouble(), Roc.Auc(positives, negatives), 1e-12);
        Assert.Equal(c.GetProperty("advantage").GetDouble(), Roc.Advantage(positives, negatives), 1e-12);
        Assert.Equal(c.GetProperty("attacker_advantage").GetDouble(), Roc.AttackerAdvantage(positives, negatives), 1e-12);
        Assert.Equal(c.GetProperty("aupr_in").GetDouble(), OodMetrics.AuPr(positives, negatives), 1e-12);
        Assert.Equal(c.GetProperty("aupr_out").GetDouble(), OodMetrics.AuPr(OodMetrics.Negate(negatives), OodMetrics.Negate(positives)), 1e-12);
        Assert.Equal(c.GetProperty("fpr_at_95_tpr").GetDouble(), OodMetrics.FprAt95Tpr(positives, negatives), 1e-12);
        foreach (var rate in c.GetProperty("tpr_at_fpr").EnumerateObject())
        {
            Assert.Equal(rate.Value.GetDouble(), Roc.TprAtFpr(positives, negatives, double.Parse(rate.Name, System.Globalization.CultureInfo.InvariantCulture)), 1e-12);
        }
    }

    [Fact]
    public void An_empty_side_is_undefined()
    {
        Assert.True(double.IsNaN(Roc.Auc([1.0], [])));
        Assert.True(double.IsNaN(Roc.TprAtFpr([], [1.0], 0.1)));
    }
}
