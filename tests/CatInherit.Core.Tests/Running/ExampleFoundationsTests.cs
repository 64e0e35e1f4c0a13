using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Running;

/// <summary>
/// examples/Sentiment/foundations.yaml (run from the command line, not by the flagship's tests: it infers every check on
/// four models) stays valid against the models the example builds, and keeps comparing every check of the flagship
/// policy, so the README's side-by-side table has a row for each.
/// </summary>
public sealed class ExampleFoundationsTests
{
    private static string Policy(string name) => Path.Combine(RepoPaths.Root, "examples", "Sentiment", name);

    [Fact]
    public void The_foundations_policy_validates_and_compares_every_flagship_check_on_two_models()
    {
        var foundations = PolicyValidator.Validate(Policy("foundations.yaml"));
        var flagship = PolicyValidator.Validate(Policy("catinherit.yaml"));

        Assert.DoesNotContain(foundations.Diagnostics, d => d.IsError);
        Assert.DoesNotContain(flagship.Diagnostics, d => d.IsError);
        var compared = foundations.Policy!.Checks.Select(c => c.Comparison).ToList();
        Assert.All(compared, c => Assert.Equal(2, c!.Models.Count));
        var flagshipIds = flagship.Policy!.Checks.Where(c => c.Comparison is null).Select(c => c.Id).ToList();
        Assert.Equal(flagshipIds, compared.Select(c => c!.Id).Distinct());
    }
}
