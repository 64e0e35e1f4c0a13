using System.Runtime.CompilerServices;
using CatInherit.Gating;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using Xunit;
using Xunit.Abstractions;

namespace FashionMnist.Tests;

/// <summary>
/// examples/FashionMnist/foundations.yaml, the README's "What an ImageNet foundation changes": the same heads on raw pixels
/// and on ResNet18 pretrained on ImageNet, compared check by check. What the README says must hold: the ImageNet
/// foundation is more accurate, better calibrated and better on the rare classes, but it inherits a fragility to pixel
/// noise and does not see MNIST digits as out of distribution, so it fails the two checks the pixel model passes.
/// </summary>
public sealed class FoundationComparison(ITestOutputHelper output)
{
    [Fact]
    public void The_imagenet_foundation_is_more_accurate_but_inherits_noise_fragility_and_misses_digits()
    {
        var result = PolicyRunner.Run(PolicyPath(), RunSettings.ResolveOrThrow(new RunSettingsRequest()));

        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        foreach (var check in result.Report.Checks)
        {
            output.WriteLine(TestMessages.Describe(check));
        }

        double Value(string id, string metric) => result.Report.Checks.Single(c => c.Id == id).Metrics.Single(m => m.Name == metric).Value;
        CheckStatus Status(string id) => result.Report.Checks.Single(c => c.Id == id).Status;

        Assert.True(Value("noise-robustness@resnet", "clean_accuracy") > Value("noise-robustness@scratch", "clean_accuracy"));
        Assert.True(Value("calibration@resnet", "ece") < Value("calibration@scratch", "ece"));
        Assert.True(Value("long-tail-recall@resnet_longtail", "tail_recall") > Value("long-tail-recall@scratch_longtail", "tail_recall"));
        Assert.Equal((CheckStatus.Pass, CheckStatus.Fail), (Status("noise-robustness@scratch"), Status("noise-robustness@resnet")));
        Assert.Equal((CheckStatus.Pass, CheckStatus.Fail), (Status("digits-are-out-of-distribution@scratch"), Status("digits-are-out-of-distribution@resnet")));
        // Corruption, long tail and calibration are degraded performance, where the ImageNet head fails noise; OOD is lack
        // of generalisation, where it fails the digits: the from-scratch side passes on less of both.
        Assert.Equal(
            [("degraded_performance", "scratch / scratch_longtail"), ("lack_of_generalisation", "scratch / scratch_longtail")],
            result.Report.ComparisonSummary.Select(c => (c.Catastrophe, c.PassesOnLess)));
    }

    // The same lookup as [InheritancePolicy]: CI builds map source paths to /_/, so the source folder alone is not enough.
    private static string PolicyPath([CallerFilePath] string source = "") =>
        PolicyLocator.Resolve(Path.Combine("..", "FashionMnist", "foundations.yaml"), AppContext.BaseDirectory, source);
}
