using System.Security.Cryptography;
using CatInherit.Mitigation;
using CatInherit.Reports;
using CatInherit.Settings;
using Xunit.Abstractions;

namespace Sentiment.Tests;

/// <summary>
/// <c>catinherit mitigate examples/Sentiment/catinherit.yaml</c> through its code-first call: the flagship's four fixes
/// are fitted on the rows no check reads, written into copies of the real models, and re-checked. The README's
/// before/after table says what each did; this test holds the conclusions, on the checks they are about.
/// </summary>
[Collection(BackdoorControl.Collection)]
public sealed class FlagshipMitigation(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Checks =
    [
        "accuracy-across-domains", "gender-term-swap", "name-gender-parity", "calibration", "identity-terms-in-templates",
        "encoder-weat6-career-family", "name-gender-from-encoder",
    ];

    private readonly string folder = Directory.CreateTempSubdirectory("catinherit-mitigate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_flagship_s_fixes_are_written_and_re_checked_and_the_gate_catches_the_one_that_hurts()
    {
        var policy = ExamplePolicy.Path("catinherit.yaml");
        var models = Path.Combine(Path.GetDirectoryName(policy)!, "model");
        var originals = new[] { "sentiment.onnx", "encoder.onnx" }.ToDictionary(f => f, f => SHA256.HashData(File.ReadAllBytes(Path.Combine(models, f))));
        var options = RunSettings.ResolveOrThrow(new RunSettingsRequest()) with { Checks = Checks.ToHashSet() };
        var outDirectory = Path.Combine(folder, "mitigated");

        var result = Mitigator.Run(policy, outDirectory, options, ReportWriters.All.Take(2));

        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        var report = result.Report;
        foreach (var mitigation in report.Mitigations)
        {
            output.WriteLine($"{mitigation.Id}: {(mitigation.Passed ? "passed" : "failed")} {mitigation.Fits[0].Values.ToJsonString()}");
            foreach (var c in mitigation.Comparisons)
            {
                output.WriteLine($"  {c.Id}: {c.Metric} {c.Before} → {c.After} {c.Worse}");
            }
        }

        Assert.Equal(["calibrated", "encoder-gender-projected", "gender-projected", "abstaining"], report.Mitigations.Select(m => m.Id));
        foreach (var file in new[] { "calibrated.classifier.onnx", "encoder-gender-projected.encoder.onnx", "gender-projected.classifier.onnx", "abstaining.classifier.onnx", "mitigation.json", "mitigation.md" })
        {
            Assert.True(File.Exists(Path.Combine(outDirectory, file)), file);
        }

        Assert.All(originals, o => Assert.Equal(o.Value, SHA256.HashData(File.ReadAllBytes(Path.Combine(models, o.Key)))));

        // Temperature scaling: the head is under-confident (T < 1); ECE on held-out yelp at least halves, accuracy cannot
        // move — and the sharper probabilities widen the identity-term gap past its gate, which the mitigation gate reports.
        var calibrated = Mitigation(report, "calibrated");
        Assert.InRange(calibrated.Fits[0].Values["temperature"]!.GetValue<double>(), 0.5, 0.95);
        var ece = Comparison(calibrated, "calibration");
        Assert.True(ece.After < ece.Before / 2, $"ECE {ece.Before} → {ece.After}");
        Assert.Null(ece.Worse);
        Assert.Equal(Comparison(calibrated, "accuracy-across-domains").Before, Comparison(calibrated, "accuracy-across-domains").After);
        Assert.False(calibrated.Passed);
        var worse = Assert.Single(calibrated.Comparisons, c => c.Worse is not null);
        Assert.Equal("identity-terms-in-templates", worse.Id);
        Assert.Contains("now fails its gate", worse.Worse, StringComparison.Ordinal);
        Assert.False(report.Passed);
        Assert.Equal(1, Mitigator.ExitCode(report));

        // The gender direction out of the encoder: WEAT 6 falls from about 1.0 to about 0.2, yet the name's gender stays
        // linearly decodable from the embeddings (one direction is not all of it).
        var projected = Mitigation(report, "encoder-gender-projected");
        Assert.True(projected.Passed);
        var weat = Comparison(projected, "encoder-weat6-career-family");
        Assert.True(weat.Before > 0.9 && weat.After < 0.4, $"WEAT 6 {weat.Before} → {weat.After}");
        Assert.True(Comparison(projected, "name-gender-from-encoder").After > 0.99);

        // The same direction out of the classifier's pooled embedding: every gated check holds, accuracy within its interval.
        var classifier = Mitigation(report, "gender-projected");
        Assert.True(classifier.Passed);
        Assert.NotNull(Comparison(classifier, "gender-term-swap").After);

        // Abstention: the threshold accepts 95% of the fit split, and the report has each dataset's rate.
        var abstaining = Mitigation(report, "abstaining");
        Assert.True(abstaining.Passed);
        Assert.Equal(0.05, abstaining.Abstention.Single(a => a.Dataset == "amazon_fit").AbstainRate, 3);
        Assert.Contains(abstaining.Abstention, a => a.Dataset == "heldout" && a.AbstainRate < 0.2 && a.AcceptedAccuracy >= a.Accuracy);
    }

    private static MitigationOutcome Mitigation(MitigationReport report, string id) => report.Mitigations.Single(m => m.Id == id);

    private static CheckComparison Comparison(MitigationOutcome mitigation, string id) => mitigation.Comparisons.Single(c => c.Id == id);
}
