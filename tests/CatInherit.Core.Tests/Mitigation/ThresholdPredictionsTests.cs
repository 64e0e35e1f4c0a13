using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CatInherit.Mitigation;
using CatInherit.Tests.Support;
using RunOptions = CatInherit.Settings.RunOptions;

namespace CatInherit.Tests.Mitigation;

/// <summary>thresholds on a predictions-only policy: the thresholds JSON, the corrected predictions CSV, and the re-run applying them to the held-out rows.</summary>
public sealed class ThresholdPredictionsTests
{
    [Fact]
    public void The_rerun_applies_the_fitted_thresholds_to_the_held_out_predictions()
    {
        using var folder = new TempFolder();
        var random = new Random(5);
        var csv = new StringBuilder("score,label,sex,split\n");
        var test = new List<(double Score, string Sex)>();
        for (var i = 0; i < 600; i++)
        {
            var sex = i % 2 == 0 ? "f" : "m";
            var score = Math.Round(Math.Clamp(random.NextDouble() + (sex == "m" ? 0.15 : -0.1), 0.001, 0.999), 3);
            var label = random.NextDouble() < score ? 1 : 0;
            var split = i % 3 == 0 ? "fit" : "test";
            csv.Append(CultureInfo.InvariantCulture, $"{score},{label},{sex},{split}\n");
            if (split == "test")
            {
                test.Add((score, sex));
            }
        }

        folder.Write("data.csv", csv.ToString());
        var policy = folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              fit: { path: data.csv, label: label, scores: [score], score_kind: probabilities, where: { split: fit } }
              test: { path: data.csv, label: label, scores: [score], score_kind: probabilities, where: { split: test } }
            checks:
              - id: parity
                kind: group-fairness
                dataset: test
                sensitive: sex
                gate: { metric: demographic_parity_difference, max: 0.5 }
            mitigations:
              - { id: fair, method: thresholds, fit: fit, sensitive: sex, constraint: demographic_parity, max: 0.02 }
            """);

        var result = Mitigator.Run(policy, folder.File("out"), new RunOptions { UseCache = false }, []);

        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        var outcome = Assert.Single(result.Report!.Mitigations);
        Assert.Equal(["fair.thresholds.json", "fair.test.predictions.csv"], outcome.Files);
        var written = JsonNode.Parse(File.ReadAllText(folder.File("out/fair.thresholds.json")))!;
        var thresholds = ((JsonArray)written["groups"]!).ToDictionary(g => g!["group"]!.GetValue<string>(), g => g!["threshold"]!.GetValue<double>());
        Assert.Equal(["f", "m"], thresholds.Keys.Order());

        // The demographic parity difference after, computed here from the thresholds and the test rows.
        double Rate(string sex) => test.Where(t => t.Sex == sex).Average(t => t.Score > thresholds[sex] ? 1.0 : 0.0);
        var parity = outcome.Comparisons.Single();
        Assert.Equal(Math.Abs(Rate("f") - Rate("m")), parity.After!.Value, 12);
        Assert.True(parity.After < parity.Before, $"{parity.Before} → {parity.After}");

        // The corrected predictions, row by row, as the thresholds decide them (the original prediction: score > 0.5).
        var lines = File.ReadAllLines(folder.File("out/fair.test.predictions.csv"));
        Assert.Equal("row,sex,prediction,corrected_prediction", lines[0]);
        Assert.Equal(test.Count + 1, lines.Length);
        for (var i = 0; i < test.Count; i++)
        {
            var (score, sex) = test[i];
            var expected = $"{i + 1},{sex},{(score > 0.5 ? 1 : 0)},{(score > thresholds[sex] ? 1 : 0)}";
            Assert.Equal(expected, lines[i + 1]);
        }
    }
}
