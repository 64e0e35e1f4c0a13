using CatInherit.Reports;
using Xunit.Abstractions;

namespace Sentiment.Tests;

/// <summary>One test per check of the policy; a failing gate fails its test with the metric, interval, threshold and n.</summary>
public sealed class InheritanceChecks(ITestOutputHelper output)
{
    public static TheoryData<string> Checks() => [.. SentimentPolicy.CheckIds()];

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check(string id)
    {
        var result = SentimentPolicy.Run();
        Assert.True(result.Report is not null, "The policy did not run:\n" + string.Join("\n", result.Diagnostics));
        var check = result.Report.Checks.Single(c => c.Id == id);
        output.WriteLine($"{check.DisplayName}: {JsonReportWriter.StatusName(check.Status)} — {check.Message}");
        if (result.Report.Model is { } model)
        {
            output.WriteLine($"model {model.Path} on {model.Provider}");
        }

        Assert.True(check.Status is CheckStatus.Pass or CheckStatus.Warn, check.Message);
    }
}
