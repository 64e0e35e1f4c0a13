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

    [Fact]
    public void A_check_named_by_another_method_is_that_method_s_test_only()
    {
        folder.Write("two.yaml", PolicyRun.FairnessPolicy("d.csv") + "  - { id: other, kind: group-fairness, dataset: d, sensitive: sex, gate: { metric: accuracy, min: 0 } }\n");
        PolicyAttributeUse all = new("Checks", "two.yaml", null, null), one = new("Parity", "two.yaml", null, "parity");

        var forAll = PolicyDiscovery.Discover(all, [all, one], folder.Path);
        var forOne = PolicyDiscovery.Discover(one, [all, one], folder.Path);

        Assert.Equal(["other"], forAll.Checks.Select(c => c.Id));
        Assert.Equal(["group-fairness: other"], forAll.DisplayNames);
        Assert.Equal(["group-fairness: parity"], forOne.DisplayNames);
    }

    [Fact]
    public void A_class_with_several_policies_names_the_policy_in_each_test()
    {
        folder.Write("privacy/catinherit.yaml", PolicyRun.FairnessPolicy("../d.csv"));
        PolicyAttributeUse first = new("Fairness", "catinherit.yaml", null, null), second = new("Privacy", "privacy/catinherit.yaml", null, null);

        Assert.Equal(["group-fairness: parity (catinherit.yaml)"], PolicyDiscovery.Discover(first, [first, second], folder.Path).DisplayNames);
        Assert.Equal(["group-fairness: parity (privacy/catinherit.yaml)"], PolicyDiscovery.Discover(second, [first, second], folder.Path).DisplayNames);
        Assert.Equal(["group-fairness: parity"], PolicyDiscovery.Discover(first, [first], folder.Path).DisplayNames);
    }

    [Fact]
    public void A_missing_policy_names_every_folder_searched()
    {
        var bin = Directory.CreateDirectory(folder.File("Tests/bin/Debug/net10.0")).FullName;

        var missing = PolicyDiscovery.Discover("nope.yaml", bin, folder.File("Tests/src/PolicyTests.cs"));

        Assert.Empty(missing.Checks);
        Assert.StartsWith("CatInherit policy nope.yaml not found. Looked for:", missing.Error);
        Assert.Contains($"  {folder.File("Tests/bin/Debug/net10.0/nope.yaml")} (the test assembly's folder)", missing.Error);
        Assert.Contains($"  {folder.File("Tests/src/nope.yaml")} (the folder of the source file that names it)", missing.Error);
        Assert.Contains($"  {folder.File("Tests/nope.yaml")} (a folder above the test assembly)", missing.Error);
    }
}
