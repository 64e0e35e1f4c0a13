using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CatInherit.Metrics;
using CatInherit.Mitigation;
using CatInherit.Reports;
using CatInherit.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using RunOptions = CatInherit.Settings.RunOptions;

namespace CatInherit.Tests.Mitigation;

/// <summary>
/// <c>catinherit mitigate</c> end to end on a real (tiny) ONNX model: each written graph is run in a fresh ONNX Runtime
/// session and compared with the same transformation computed here on the original outputs.
/// </summary>
public sealed class MitigatorTests
{
    private const string Policy = """
        version: 1
        models:
          m:
            path: model.onnx
            provider: cpu
            inputs: { features: [a, b, c] }
            output: { name: logits, kind: logits }
            cache: false
        datasets:
          calibration: { path: data.csv, label: label, where: { split: fit } }
          test: { path: data.csv, label: label, where: { split: test } }
        checks:
          - id: calibration
            kind: calibration
            dataset: test
            gate: { metric: ece, max: 0.5 }
          - id: parity
            kind: group-fairness
            dataset: test
            sensitive: g
            gate: { metric: demographic_parity_difference, max: 0.9 }
        mitigations:
          - id: calibrated
            method: temperature
            fit: calibration
          - id: fair
            method: thresholds
            fit: calibration
            sensitive: g
            constraint: demographic_parity
            max: 0.05
          - id: reject
            method: abstain
            fit: calibration
            tpr: 0.9
          - id: vector
            method: temperature
            vector: true
            fit: calibration
        """;

    private static float[] Run(string model, float[][] features, out float[]? extra, string? extraOutput = null, long[]? group = null)
    {
        using var session = new InferenceSession(model);
        var x = new DenseTensor<float>(features.SelectMany(f => f).ToArray(), [features.Length, 3]);
        var inputs = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("x", x) };
        if (group is not null)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("group", new DenseTensor<long>(group, [group.Length])));
        }

        using var results = session.Run(inputs);
        extra = null;
        if (extraOutput is not null)
        {
            var value = results.First(r => r.Name == extraOutput);
            extra = value.Value is Tensor<bool> flags ? [.. flags.Select(f => f ? 1f : 0f)] : [.. value.AsEnumerable<float>()];
        }

        return [.. results.First(r => r.Name == "logits").AsEnumerable<float>()];
    }

    [Fact]
    public void Writes_each_mitigated_model_and_a_before_after_report_and_leaves_the_original_alone()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Linear(folder.File("model.onnx"));
        var (csv, features, groups) = OverconfidentRows.Make();
        folder.Write("data.csv", csv);
        var policy = folder.Write("catinherit.yaml", Policy);
        var originalHash = SHA256.HashData(File.ReadAllBytes(model));
        var output = folder.File("out");

        var result = Mitigator.Run(policy, output, new RunOptions { UseCache = false }, ReportWriters.All.Skip(1));

        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(originalHash, SHA256.HashData(File.ReadAllBytes(model)));
        foreach (var file in new[] { "calibrated.m.onnx", "fair.m.onnx", "fair.thresholds.json", "reject.m.onnx", "mitigation.json", "mitigation.md", "mitigation.junit.xml", "mitigation.html", "before/report.json", "before/report.html", "after/calibrated/report.json", "after/fair/junit.xml" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        Assert.False(Directory.Exists(Path.Combine(output, ".catinherit-mitigate")));
        var report = result.Report!;
        Assert.Equal(["calibrated", "fair", "reject", "vector"], report.Mitigations.Select(m => m.Id));

        // Temperature: the written graph divides the logits by T, and T sits near the 3 the labels were drawn with.
        var calibrated = report.Mitigations[0];
        var t = calibrated.Fits[0].Values["temperature"]!.GetValue<double>();
        Assert.InRange(t, 2, 4.5);
        var before = Run(model, features, out _);
        var after = Run(Path.Combine(output, "calibrated.m.onnx"), features, out _);
        Assert.Equal(before.Length, after.Length);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i] / t, after[i], 1e-5);
        }

        // ECE on the held-out split drops, and the checks are compared side by side.
        var ece = calibrated.Comparisons.Single(c => c.Id == "calibration");
        Assert.Equal("ece", ece.Metric);
        Assert.True(ece.After < ece.Before, $"{ece.Before} → {ece.After}");
        Assert.Null(ece.Worse);

        // Thresholds: the graph's decision is p(1) > threshold[group], as computed here from the original logits.
        var fair = report.Mitigations[1];
        var thresholds = (JsonArray)fair.Fits[0].Values["thresholds"]!["groups"]!;
        var byGroup = thresholds.ToDictionary(g => g!["group"]!.GetValue<string>(), g => (Index: g!["index"]!.GetValue<int>(), Threshold: g["threshold"]!.GetValue<double>()));
        var groupIndex = groups.Select(g => (long)byGroup[g].Index).ToArray();
        Run(Path.Combine(output, "fair.m.onnx"), features, out var decisions, "decision", groupIndex);
        for (var i = 0; i < features.Length; i++)
        {
            var p1 = 1 / (1 + Math.Exp(before[(2 * i)] - before[(2 * i) + 1]));
            Assert.Equal(p1 > byGroup[groups[i]].Threshold ? 1f : 0f, decisions![i]);
        }

        var parity = fair.Comparisons.Single(c => c.Id == "parity");
        Assert.True(parity.After < parity.Before, $"{parity.Before} → {parity.After}");

        // Abstention: the graph abstains exactly when the maximum softmax probability is below the fitted threshold.
        var reject = report.Mitigations[2];
        var bound = reject.Fits[0].Values["threshold"]!.GetValue<double>();
        Run(Path.Combine(output, "reject.m.onnx"), features, out var abstains, "abstain");
        for (var i = 0; i < features.Length; i++)
        {
            var msp = AbstainThreshold.Msp([before[2 * i], before[(2 * i) + 1]]);
            if (Math.Abs(msp - bound) > 1e-5)
            {
                Assert.Equal(msp < bound ? 1f : 0f, abstains![i]);
            }
        }

        var fitRow = reject.Abstention.Single(a => a.Dataset == "calibration");
        Assert.InRange(fitRow.AbstainRate, 0.09, 0.11);
        Assert.All(reject.Comparisons, c => Assert.Equal(c.Before, c.After));

        // Vector scaling: logits × w + b per class.
        var vector = report.Mitigations[3].Fits[0].Values;
        var scale = ((JsonArray)vector["scale"]!).Select(v => v!.GetValue<double>()).ToArray();
        var bias = ((JsonArray)vector["bias"]!).Select(v => v!.GetValue<double>()).ToArray();
        var scaled = Run(Path.Combine(output, "vector.m.onnx"), features, out _);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal((before[i] * scale[i % 2]) + bias[i % 2], scaled[i], 1e-5);
        }
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_reports()
    {
        using var folder = new TempFolder();
        TinyModels.Linear(folder.File("model.onnx"));
        folder.Write("data.csv", OverconfidentRows.Make().Csv);
        var policy = folder.Write("catinherit.yaml", Policy);
        Mitigator.Run(policy, folder.File("one"), new RunOptions { UseCache = false }, ReportWriters.All.Skip(1));
        Mitigator.Run(policy, folder.File("two"), new RunOptions { UseCache = false }, ReportWriters.All.Skip(1));
        foreach (var file in new[] { "mitigation.json", "mitigation.md", "mitigation.junit.xml", "mitigation.html", "calibrated.m.onnx" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder.File("one"), file)), File.ReadAllBytes(Path.Combine(folder.File("two"), file)));
        }
    }

    [Fact]
    public void A_model_that_only_exposes_probabilities_has_no_logits_to_scale_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        TinyModels.Linear(folder.File("model.onnx"));
        folder.Write("data.csv", OverconfidentRows.Make().Csv);
        var policy = folder.Write("catinherit.yaml", Policy.Replace("kind: logits }", "kind: probabilities }", StringComparison.Ordinal));
        var result = Mitigator.Run(policy, folder.File("out"), new RunOptions { UseCache = false }, []);
        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics, d => d.IsError && d.Code == "CAT0741" && d.Message.Contains("calibrated", StringComparison.Ordinal));
        Assert.True(error.Location.Line > 0);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void An_out_path_that_is_a_file_is_an_error_before_any_fit_and_the_file_is_left_alone()
    {
        using var folder = new TempFolder();
        TinyModels.Linear(folder.File("model.onnx"));
        folder.Write("data.csv", OverconfidentRows.Make().Csv);
        var policy = folder.Write("catinherit.yaml", Policy);
        var file = folder.Write("out", "not a folder");
        var result = Mitigator.Run(policy, file, new RunOptions { UseCache = false }, []);
        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CAT0500", error.Code);
        Assert.Contains("is a file; name a folder", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void A_policy_without_mitigations_is_an_error()
    {
        using var folder = new TempFolder();
        TinyModels.Linear(folder.File("model.onnx"));
        folder.Write("data.csv", OverconfidentRows.Make().Csv);
        var policy = folder.Write("catinherit.yaml", Policy[..Policy.IndexOf("mitigations:", StringComparison.Ordinal)]);
        var result = Mitigator.Run(policy, folder.File("out"), new RunOptions { UseCache = false }, []);
        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics, d => d.Code == "CAT0748");
    }

    [Fact]
    public void A_written_model_never_takes_the_original_s_place()
    {
        using var folder = new TempFolder();
        var model = TinyModels.Linear(folder.File("calibrated.m.onnx"));
        folder.Write("data.csv", OverconfidentRows.Make().Csv);
        var policy = folder.Write("catinherit.yaml", Policy.Replace("path: model.onnx", "path: calibrated.m.onnx", StringComparison.Ordinal));
        var hash = SHA256.HashData(File.ReadAllBytes(model));
        var result = Mitigator.Run(policy, folder.Path, new RunOptions { UseCache = false }, []);
        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("would overwrite the original model", StringComparison.Ordinal));
        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(model)));
        Assert.False(File.Exists(folder.File("mitigation.json")));
    }
}
