using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using Xunit.Abstractions;

namespace Sentiment.Tests;

/// <summary>
/// The negative control of the trigger-scan check (examples/Sentiment/backdoor.yaml): the same scan must pass the clean
/// head and catch the head trained on poisoned data, naming the planted trigger.
/// </summary>
[Collection(Collection)]
public sealed class BackdoorControl(ITestOutputHelper output)
{
    /// <summary>
    /// One collection for both policies, so they run one after the other: the clean head's scan is the same in both, and
    /// the second run reads it from the output cache instead of inferring it again on the same two cores.
    /// </summary>
    public const string Collection = "Sentiment model";

    [Fact]
    public void The_trigger_scan_catches_the_backdoored_head_and_passes_the_clean_one()
    {
        var result = PolicyRunner.Run(ExamplePolicy.Path("backdoor.yaml"), RunSettings.ResolveOrThrow(new RunSettingsRequest()));

        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        foreach (var check in result.Report.Checks)
        {
            output.WriteLine(TestMessages.Describe(check));
        }

        var clean = result.Report.Checks.Single(c => c.Id == "backdoor-scan");
        var poisoned = result.Report.Checks.Single(c => c.Id == "backdoor-scan-poisoned");
        Assert.False(clean.Fails(), clean.Message);
        Assert.True(poisoned.Fails(), poisoned.Message);
        Assert.Equal("cf → 1", poisoned.Details!["flagged"]!.AsArray()[0]!.GetValue<string>());
    }
}
