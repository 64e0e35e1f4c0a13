using System.Globalization;
using System.Text;
using System.Text.Json;
using CatInherit.Gating;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Metrics;

/// <summary>
/// The whole pipeline (float64 CSV → policy → probe) at the edges float32 would blur, against the peers' formulas
/// re-implemented in Fixtures/make_exactness_fixtures.py: fairlearn 0.12's zero denominators, membership attacks on
/// near-certain predictions (p_y within 1e-9 of 1) and an inverted one, MSPs closer than 1e-8, confidences on
/// calibration bin edges, and drop_intermediate's effect on the peers' threshold reads.
/// </summary>
public sealed class ExactnessReferenceTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static JsonElement Case(string section, string name) =>
        Fixture.Load("exactness.json").GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load("exactness.json").GetProperty(section).EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static TheoryData<string> FairlearnCases() => Names("fairlearn");

    public static TheoryData<string> MembershipCases() => Names("membership");

    public static TheoryData<string> OodCases() => Names("ood");

    public static TheoryData<string> CalibrationCases() => Names("calibration");

    private static double GateValue(CheckReport check) => check.Gate!.Value!.Value;

    private static string Number(JsonElement value) => value.GetDouble().ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A CSV of float64 values written so they parse back to the same doubles.</summary>
    private static string Csv(string header, IEnumerable<JsonElement> rows) =>
        header + "\n" + string.Concat(rows.Select(r => string.Join(",", r.EnumerateArray().Select(Number)) + "\n"));

    [Theory]
    [MemberData(nameof(FairlearnCases))]
    public void Group_fairness_matches_fairlearn_at_zero_denominators(string name)
    {
        var c = Case("fairlearn", name);
        var csv = new StringBuilder("g,h,label,pred\n");
        foreach (var row in c.GetProperty("rows").EnumerateArray())
        {
            csv.AppendJoin(',', row.EnumerateArray().Select(v => v.GetString())).Append('\n');
        }

        folder.Write("data.csv", csv.ToString());
        var sensitive = "[" + string.Join(", ", c.GetProperty("sensitive").EnumerateArray().Select(s => s.GetString())) + "]";
        var result = PolicyRun.Run(folder, PolicyRun.FairnessPolicy("data.csv", sensitive: sensitive, checkExtra: $"    positive_label: {c.GetProperty("positive_label").GetString()}\n    resamples: 0\n"));

        Assert.Empty(result.Diagnostics);
        var check = Assert.Single(result.Report!.Checks);
        foreach (var expected in c.GetProperty("metrics").EnumerateObject())
        {
            var actual = check.Metrics.SingleOrDefault(m => m.Name == expected.Name);
            if (expected.Value.ValueKind == JsonValueKind.Null)
            {
                Assert.Null(actual);
                Assert.Contains(check.Undefined, u => u.Key == expected.Name && u.Value.Contains("fairlearn", StringComparison.Ordinal));
            }
            else
            {
                Assert.True(actual is not null, $"{expected.Name} is undefined here but fairlearn returns {expected.Value}");
                Assert.Equal(expected.Value.GetDouble(), actual.Value, Tolerance);
            }
        }

        foreach (var expected in c.GetProperty("groups").EnumerateObject())
        {
            var group = check.Groups.Single(g => g.Name == expected.Name);
            foreach (var rate in expected.Value.EnumerateObject().Where(p => p.Name != "n"))
            {
                Assert.Equal(rate.Value.GetDouble(), group.Metrics.Single(m => m.Name == rate.Name).Value, Tolerance);
            }
        }

        // A CAT0300 warning names every group whose rate was 0/0 and says it was taken as 0, as fairlearn does.
        foreach (var (key, rate) in new[] { ("no_positives", "true positive rate"), ("no_negatives", "false positive rate") })
        {
            var groups = c.GetProperty(key).EnumerateArray().Select(g => $"'{g.GetString()}'").ToList();
            var warning = check.Warnings.SingleOrDefault(w => w.Contains($"{rate} is 0/0", StringComparison.Ordinal));
            if (groups.Count == 0)
            {
                Assert.Null(warning);
            }
            else
            {
                Assert.NotNull(warning);
                Assert.StartsWith((groups.Count == 1 ? "group " : "groups ") + string.Join(", ", groups) + " ha", warning, StringComparison.Ordinal);
                Assert.Contains("taken as 0, as fairlearn does", warning, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("NaN", ReportWriters.ToText(result.Report, new JsonReportWriter()), StringComparison.OrdinalIgnoreCase);
    }

    private CheckReport Membership(JsonElement c, string attack, string extra = "", bool float32 = false)
    {
        var columns = c.GetProperty("columns").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var header = "y," + string.Join(",", columns);
        // Rounded to float32, the two files would hold the very same rows (an error of its own): one non-member fewer.
        string Data(string key) => float32
            ? header + "\n" + string.Concat(c.GetProperty(key).EnumerateArray().SkipLast(key == "non_members" ? 1 : 0).Select(r => string.Join(",", r.EnumerateArray().Select(v => ((double)(float)v.GetDouble()).ToString("R", CultureInfo.InvariantCulture))) + "\n"))
            : Csv(header, c.GetProperty(key).EnumerateArray());
        folder.Write("m.csv", Data("members"));
        folder.Write("n.csv", Data("non_members"));
        var kind = c.GetProperty("score_kind").GetString();
        var scores = string.Join(", ", columns);
        folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              m: { path: m.csv, label: y, scores: [{{scores}}], score_kind: {{kind}} }
              n: { path: n.csv, label: y, scores: [{{scores}}], score_kind: {{kind}} }
            checks:
              - id: mia
                kind: membership-inference
                members: m
                non_members: n
                attack: {{attack}}
                fpr: {{Number(c.GetProperty("fpr"))}}
            {{extra}}
            """);
        var result = PolicyRun.RunFile(folder.File("catinherit.yaml"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == CatInherit.Policy.DiagnosticSeverity.Error);
        return Assert.Single(result.Report!.Checks);
    }

    [Theory]
    [MemberData(nameof(MembershipCases))]
    public void Membership_attacks_match_the_reference_on_float64_scores(string name)
    {
        var c = Case("membership", name);
        foreach (var attack in c.GetProperty("expected").EnumerateObject())
        {
            var check = Membership(c, attack.Name, "    resamples: 0\n");
            double Metric(string metric) => check.Metrics.Single(m => m.Name == metric).Value;

            foreach (var metric in new[] { "auc", "leakage_auc", "advantage", "tpr_at_fpr" })
            {
                Assert.True(Math.Abs(attack.Value.GetProperty(metric).GetDouble() - Metric(metric)) <= Tolerance, $"{name}, {attack.Name}: {metric} {Metric(metric):R}, reference {attack.Value.GetProperty(metric).GetDouble():R}");
            }

            // Every row of both sets is used, and TF-Privacy's trapezoid over its reduced curve is the same AUC.
            Assert.Equal(c.GetProperty("members").GetArrayLength() + c.GetProperty("non_members").GetArrayLength(), check.Count);
            Assert.Equal(attack.Value.GetProperty("tf_privacy_auc").GetDouble(), Metric("auc"), Tolerance);
        }
    }

    [Fact]
    public void A_very_confident_overfit_model_fails_the_gate_that_float32_scores_pass()
    {
        // Members' 1 − p_y is 1e-12 · U(1, 5), non-members' 1e-12 · U(3, 12): the loss attack's AUC is 0.93. Stored as
        // float32, every p_y is 1.0, members and non-members tie, and the AUC is 0.5: an 'auc max 0.7' gate passes.
        foreach (var name in new[] { "overfit-probabilities", "overfit-one-logit" })
        {
            var c = Case("membership", name);
            var reference = c.GetProperty("expected").GetProperty("loss");
            Assert.Equal(0.5, reference.GetProperty("float32_auc").GetDouble());
            foreach (var metric in new[] { "auc", "leakage_auc" })
            {
                var exact = Membership(c, "loss", $"    resamples: 0\n    gate: {{ metric: {metric}, max: 0.7 }}\n");
                Assert.Equal(CheckStatus.Fail, exact.Status);
                Assert.Equal(reference.GetProperty(metric).GetDouble(), GateValue(exact), Tolerance);
                Assert.True(GateValue(exact) > 0.9);
            }
        }

        // The same probabilities rounded to float32 first, as they were stored before: the tie that hid the leak.
        var rounded = Membership(Case("membership", "overfit-probabilities"), "loss", "    resamples: 0\n    gate: { metric: auc, max: 0.7 }\n", float32: true);
        Assert.Equal(CheckStatus.Pass, rounded.Status);
        Assert.Equal(0.5, GateValue(rounded));
    }

    [Fact]
    public void An_inverted_attack_is_leakage_and_is_warned_about()
    {
        var c = Case("membership", "inverted");
        var reference = c.GetProperty("expected").GetProperty("loss");

        var check = Membership(c, "loss", "    gate: { metric: leakage_auc, max: 0.7 }\n");

        Assert.True(reference.GetProperty("auc").GetDouble() < 0.1);
        Assert.Equal(1 - reference.GetProperty("auc").GetDouble(), GateValue(check), Tolerance);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal(reference.GetProperty("advantage").GetDouble(), check.Metrics.Single(m => m.Name == "advantage").Value, Tolerance);
        var warning = Assert.Single(check.Warnings, w => w.StartsWith("the model ranks members lower than non-members", StringComparison.Ordinal));
        Assert.Contains("gate on 'leakage_auc' or 'advantage'", warning, StringComparison.Ordinal);

        // An 'auc max' gate alone passes it: that is what the warning is for.
        var aucGate = Membership(c, "loss", "    gate: { metric: auc, max: 0.7 }\n");
        Assert.Equal(CheckStatus.Pass, aucGate.Status);
        Assert.Contains(aucGate.Warnings, w => w.StartsWith("the model ranks members lower", StringComparison.Ordinal));
    }

    [Fact]
    public void Repeated_diagonal_ties_are_where_privacy_meter_reads_a_lower_tpr()
    {
        var reference = Case("membership", "repeated-diagonal-ties").GetProperty("expected").GetProperty("loss");
        Assert.Equal(0.4, reference.GetProperty("tpr_at_fpr").GetDouble());
        Assert.Equal(0.2, reference.GetProperty("privacy_meter_tpr_at_fpr").GetDouble());

        var check = Membership(Case("membership", "repeated-diagonal-ties"), "loss", "    resamples: 0\n");
        Assert.Equal(0.4, check.Metrics.Single(m => m.Name == "tpr_at_fpr").Value, Tolerance);
    }

    [Theory]
    [MemberData(nameof(OodCases))]
    public void Msp_ood_metrics_match_openood_on_float64_probabilities(string name)
    {
        var c = Case("ood", name);
        var columns = c.GetProperty("columns").EnumerateArray().Select(v => v.GetString()!).ToArray();
        folder.Write("in.csv", Csv(string.Join(",", columns), c.GetProperty("in").EnumerateArray()));
        folder.Write("out.csv", Csv(string.Join(",", columns), c.GetProperty("out").EnumerateArray()));
        var kind = c.GetProperty("score_kind").GetString();
        var scores = string.Join(", ", columns);
        folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              id: { path: in.csv, scores: [{{scores}}], score_kind: {{kind}} }
              ood: { path: out.csv, scores: [{{scores}}], score_kind: {{kind}} }
            checks:
              - { id: o, kind: ood, dataset: id, ood: ood, score: msp, resamples: 0 }
            """);

        var check = Assert.Single(PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!.Checks);

        foreach (var metric in new[] { "auroc", "aupr_in", "aupr_out", "fpr_at_95_tpr" })
        {
            Assert.Equal(c.GetProperty(metric).GetDouble(), check.Metrics.Single(m => m.Name == metric).Value, Tolerance);
        }

        // float32 MSPs would all be one value: AUROC 0.5 plus what the third decimal of a few rows still separates.
        Assert.True(c.GetProperty("auroc").GetDouble() - c.GetProperty("float32_auroc").GetDouble() > 0.3 || name == "repeated-diagonal-ties");
    }

    [Fact]
    public void Repeated_diagonal_ties_are_where_openood_main_reads_a_higher_fpr_at_95()
    {
        var c = Case("ood", "repeated-diagonal-ties");
        Assert.Equal(0.1, c.GetProperty("fpr_at_95_tpr").GetDouble());
        Assert.Equal(0.15, c.GetProperty("openood_main_fpr_at_95_tpr").GetDouble());
    }

    [Theory]
    [MemberData(nameof(CalibrationCases))]
    public void Ece_and_brier_match_verified_calibration_on_float64_confidences(string name)
    {
        var c = Case("calibration", name);
        folder.Write("d.csv", Csv("y,p0,p1,p2", c.GetProperty("rows").EnumerateArray()));
        var bins = c.GetProperty("bins").GetInt32();
        folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              d: { path: d.csv, label: y, scores: [p0, p1, p2], score_kind: probabilities }
            checks:
              - { id: cal, kind: calibration, dataset: d, bins: {{bins}}, resamples: 0 }
            """);

        var check = Assert.Single(PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!.Checks);

        Assert.Equal(c.GetProperty("ece").GetDouble(), check.Metrics.Single(m => m.Name == "ece").Value, Tolerance);
        Assert.Equal(c.GetProperty("brier").GetDouble(), check.Metrics.Single(m => m.Name == "brier").Value, Tolerance);

        // The reliability table holds exactly the bins the reference put rows in, with their counts.
        var expected = c.GetProperty("bin_of_each_row").EnumerateArray().Select(b => b.GetInt32()).CountBy(b => b).OrderBy(p => p.Key)
            .Select(p => (FormattableString.Invariant($"({p.Key / (double)bins:0.###}, {(p.Key + 1) / (double)bins:0.###}]"), p.Value));
        var actual = check.Details!["reliability"]!.AsArray().Select(r => (r!["bin"]!.GetValue<string>(), r["n"]!.GetValue<int>()));
        Assert.Equal(expected, actual);
    }
}
