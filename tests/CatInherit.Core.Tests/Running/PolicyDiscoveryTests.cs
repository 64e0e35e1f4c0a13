using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Running;

public sealed class PolicyDiscoveryTests : IDisposable
{
    private readonly TempFolder folder = new();

    public PolicyDiscoveryTests()
    {
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n");
        folder.Write("catinherit.yaml", PolicyRun.FairnessPolicy("d.csv"));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_check_or_one_by_id()
    {
        var all = PolicyDiscovery.Discover("catinherit.yaml", folder.Path, null);
        var one = PolicyDiscovery.Discover("catinherit.yaml", folder.Path, null, "parity");

        Assert.Null(all.Error);
        Assert.Equal(["group-fairness: parity"], all.Checks.Select(c => c.DisplayName));
        Assert.Equal(folder.File("catinherit.yaml"), one.PolicyPath);
        Assert.Single(one.Checks);
    }

    [Fact]
    public void An_unknown_check_or_a_broken_policy_is_one_error_message()
    {
        var unknown = PolicyDiscovery.Discover("catinherit.yaml", folder.Path, null, "nope");
        folder.Write("broken.yaml", "version: 2\n");
        var broken = PolicyDiscovery.Discover("broken.yaml", folder.Path, null);

        Assert.Equal("CatInherit policy catinherit.yaml has no check 'nope'. Its checks: parity", unknown.Error);
        Assert.Empty(unknown.Checks);
        Assert.StartsWith("CatInherit policy broken.yaml does not load:", broken.Error);
        Assert.Contains("broken.yaml(1,10): error CAT0003: policy version 2 is not supported", broken.Error);
    }
}
