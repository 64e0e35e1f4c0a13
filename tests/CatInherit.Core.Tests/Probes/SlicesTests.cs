using System.Globalization;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

/// <summary>
/// The slices kind and the worst slices a failing group-fairness, ood or corruption check gets: what SliceLine finds on
/// data with a planted pocket of errors, counted here from the rows; Wilson intervals; the Bonferroni-adjusted gate.
/// </summary>
public sealed class SlicesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>300 rows: 3 domains × 2 regions; 80% of (c, north) are wrong, 5% of everything else.</summary>
    private static (string Csv, List<(string Domain, string Region, bool Wrong)> Rows) Data()
    {
        var random = new Random(3);
        var rows = new List<(string, string, bool)>();
        var csv = new System.Text.StringBuilder("label,pred,domain,region\n");
        for (var i = 0; i < 300; i++)
        {
            var domain = ((char)('a' + (i % 3))).ToString();
            var region = i % 2 == 0 ? "north" : "south";
            var label = random.Next(2);
            var wrong = random.NextDouble() < (domain == "c" && region == "north" ? 0.8 : 0.05);
            rows.Add((domain, region, wrong));
            csv.Append(CultureInfo.InvariantCulture, $"{label},{(wrong ? 1 - label : label)},{domain},{region}\n");
        }

        return (csv.ToString(), rows);
    }

    private RunReport Run(string checks)
    {
        folder.Write("d.csv", Data().Csv);
        var result = PolicyRun.RunFile(folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              d: { path: d.csv, label: label, prediction: pred }
            checks:
            {{checks}}
            """));
        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        return result.Report;
    }

    [Fact]
    public void A_failing_group_check_points_at_its_worst_slice()
    {
        var report = Run("""
              - { id: fails, kind: group-fairness, dataset: d, sensitive: [domain, region], resamples: 0, gate: { metric: worst_group_accuracy, min: 0.9 } }
              - { id: passes, kind: group-fairness, dataset: d, sensitive: [domain, region], resamples: 0, gate: { metric: worst_group_accuracy, min: 0.1 } }
            """);

        var failing = report.Checks[0];
        Assert.Equal(CheckStatus.Fail, failing.Status);
        var slices = failing.Details!["slices"]!.AsObject();
        var found = slices["found"]!.AsArray();
        Assert.NotEmpty(found);
        Assert.Equal("domain = c and region = north", found[0]!["slice"]!.GetValue<string>());
        Assert.Equal(["domain", "region", "predicted"], slices["features"]!.AsArray().Select(f => f!.GetValue<string>()));

        // Counted from the rows: its size, errors, error rate, Wilson interval and SliceLine score (α = 0.95).
        var rows = Data().Rows;
        var inside = rows.Where(r => r.Domain == "c" && r.Region == "north").ToList();
        var average = rows.Count(r => r.Wrong) / 300.0;
        var error = inside.Count(r => r.Wrong) / (double)inside.Count;
        Assert.Equal(inside.Count, found[0]!["size"]!.GetValue<int>());
        Assert.Equal(error, found[0]!["error"]!.GetValue<double>(), 12);
        Assert.Equal(average, slices["average_error"]!.GetValue<double>(), 12);
        Assert.Equal((0.95 * ((error / average) - 1)) - (0.05 * ((300.0 / inside.Count) - 1)), found[0]!["score"]!.GetValue<double>(), 12);
        var interval = Proportions.Wilson(inside.Count(r => r.Wrong), inside.Count, 0.95);
        Assert.Equal(interval.Lower, found[0]!["interval"]![0]!.GetValue<double>(), 15);
        Assert.Equal(interval.Upper, found[0]!["interval"]![1]!.GetValue<double>(), 15);
        Assert.Contains("; worst slice: domain = c and region = north (n=50): error", failing.Message, StringComparison.Ordinal);
        Assert.Contains("Bonferroni", slices["multiple_testing"]!.GetValue<string>(), StringComparison.Ordinal);

        // A passing check is not searched.
        Assert.Equal(CheckStatus.Pass, report.Checks[1].Status);
        Assert.Null(report.Checks[1].Details);
    }

    [Fact]
    public void The_slices_kind_gates_the_worst_slice_with_a_bonferroni_interval()
    {
        var report = Run("""
              - id: s
                kind: slices
                dataset: d
                columns: [domain, region]
                k: 3
                gate: { metric: worst_slice_error, max: 0.9 }
                decide: interval
            """);

        var check = Assert.Single(report.Checks);
        var slices = check.Details!["slices"]!.AsObject();
        var worst = slices["found"]![0]!.AsObject();
        var metric = (string name) => check.Metrics.Single(m => m.Name == name).Value;
        Assert.Equal(worst["error"]!.GetValue<double>(), metric("worst_slice_error"));
        Assert.Equal(worst["size"]!.GetValue<int>(), metric("worst_slice_size"));
        Assert.Equal(worst["score"]!.GetValue<double>(), metric("worst_slice_score"));
        Assert.Equal(worst["error_ratio"]!.GetValue<double>(), metric("worst_slice_error_ratio"));
        Assert.Equal(slices["found"]!.AsArray().Count, metric("slices_found"));
        Assert.True(metric("slices_found") <= 3);

        // The gate's interval: Wilson at 1 − 0.05 / (slices evaluated), wider than the slice's own 95% interval.
        var evaluated = slices["evaluated"]!.GetValue<long>();
        var adjusted = Proportions.Wilson(worst["errors"]!.GetValue<double>(), worst["size"]!.GetValue<int>(), 1 - (0.05 / evaluated));
        Assert.Equal(adjusted, check.IntervalOf("worst_slice_error"));
        Assert.True(adjusted.Upper > worst["interval"]![1]!.GetValue<double>());
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.Contains("Bonferroni-adjusted over the", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_slice_worse_than_the_average_the_worst_slice_is_every_row()
    {
        folder.Write("d.csv", "label,pred,g\n" + string.Concat(Enumerable.Range(0, 64).Select(i => $"{i % 2},{(i % 8 == 0 ? 1 - (i % 2) : i % 2)},{(i % 4 < 2 ? "x" : "y")}\n")));
        var report = PolicyRun.RunFile(folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              d: { path: d.csv, label: label, prediction: pred }
            checks:
              - { id: s, kind: slices, dataset: d, columns: [g], min_support: 41 }
            """)).Report!;

        var check = Assert.Single(report.Checks);
        Assert.Equal(8 / 64.0, check.Metrics.Single(m => m.Name == "worst_slice_error").Value);
        Assert.Equal(64, check.Metrics.Single(m => m.Name == "worst_slice_size").Value);
        Assert.Equal(0, check.Metrics.Single(m => m.Name == "slices_found").Value);
        Assert.Empty(check.Details!["slices"]!["found"]!.AsArray());
    }

    [Fact]
    public void Failing_ood_and_corruption_checks_get_their_slices_too()
    {
        // The linear model: logits [a + c, b + c], class 0 when a > b. Noise flips the rows near the boundary.
        TinyModels.Linear(folder.File("linear.onnx"), bias: [0f, 0f]);
        var random = new Random(5);
        string Row(int i, double margin) => i % 2 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{0.5 + margin:0.000},{0.5 - margin:0.000},{random.NextDouble() * 0.1:0.000},0\n")
            : string.Create(CultureInfo.InvariantCulture, $"{0.5 - margin:0.000},{0.5 + margin:0.000},{random.NextDouble() * 0.1:0.000},1\n");
        folder.Write("in.csv", "a,b,c,y\n" + string.Concat(Enumerable.Range(0, 120).Select(i => Row(i, 0.1 + (0.3 * random.NextDouble())))));
        folder.Write("out.csv", "a,b,c,y\n" + string.Concat(Enumerable.Range(0, 120).Select(i => Row(i, (0.1 * random.NextDouble()) - 0.03))));
        var report = PolicyRun.RunFile(folder.Write("catinherit.yaml", """
            version: 1
            model:
              path: linear.onnx
              provider: cpu
              inputs: { features: [a, b, c] }
              output: { name: logits, kind: logits }
              cache: false
            datasets:
              in: { path: in.csv, label: y }
              out: { path: out.csv, label: y }
            checks:
              - { id: noise, kind: corruption, dataset: in, corruptions: [gaussian_noise, contrast], severities: [1, 5], resamples: 0, gate: { metric: flip_rate, max: 0 } }
              - { id: shift, kind: ood, dataset: in, ood: out, resamples: 0, gate: { metric: accuracy_drop, max: 0 } }
            """)).Report!;

        var noise = report.Checks[0];
        Assert.Equal(CheckStatus.Fail, noise.Status);
        var noiseSlices = noise.Details!["slices"]!.AsObject();
        Assert.Equal(["corruption", "severity", "predicted", "confidence"], noiseSlices["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(480, noiseSlices["rows"]!.GetValue<int>());
        Assert.StartsWith("corrupted rows", noiseSlices["searched"]!.GetValue<string>(), StringComparison.Ordinal);

        var shift = report.Checks[1];
        Assert.Equal(CheckStatus.Fail, shift.Status);
        var shiftSlices = shift.Details!["slices"]!.AsObject();
        Assert.Equal(["dataset", "ood_score", "predicted", "confidence"], shiftSlices["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(240, shiftSlices["rows"]!.GetValue<int>());
        Assert.Contains(shiftSlices["found"]!.AsArray(), s => s!["slice"]!.GetValue<string>().Contains("dataset = out", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_show_the_slices_as_a_table_with_interval_bars()
    {
        var report = Run("  - { id: fails, kind: group-fairness, dataset: d, sensitive: [domain, region], resamples: 0, gate: { metric: worst_group_accuracy, min: 0.9 } }");

        var html = ReportWriters.ToText(report, new HtmlReportWriter());
        var md = ReportWriters.ToText(report, new MarkdownReportWriter());

        Assert.Contains("<h3>Worst slices</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<td>domain = c and region = north</td><td class=\"n\">50</td>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"error ", html, StringComparison.Ordinal);
        foreach (var svg in html.Split("<svg")[1..])
        {
            _ = System.Xml.Linq.XElement.Parse("<svg" + svg[..(svg.IndexOf("</svg>", StringComparison.Ordinal) + 6)]);
        }

        Assert.Contains("#### Worst slices", md, StringComparison.Ordinal);
        Assert.Contains("| domain = c and region = north | 50 |", md, StringComparison.Ordinal);
        Assert.Contains("slice domain = c and region = north (n=50): error", TestMessages.Describe(report.Checks[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_time_problems_are_reported_by_validate_too()
    {
        folder.Write("d.csv", "label,pred,g\n1,1,x\n");
        var path = folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              d: { path: d.csv, label: label, prediction: pred }
              nolabel: { path: d.csv, prediction: pred }
            checks:
              - { id: a, kind: slices, dataset: d, features: [predicted, lenght] }
              - { id: b, kind: slices, dataset: d, features: [text_length] }
              - { id: c, kind: slices, dataset: d, alpha: 0.5 }
              - { id: e, kind: slices, dataset: nolabel }
              - { id: f, kind: slices, dataset: d, columns: [gg] }
            """);

        var validated = PolicyValidator.Validate(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)).ToList();
        var checkedToo = PolicyRun.RunFile(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)).ToList();

        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(6,62): error CAT0013: check 'a': 'lenght' is not a derived feature.", StringComparison.Ordinal));
        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(7,50): error CAT0011: check 'b': 'text_length' reads the text of each row", StringComparison.Ordinal));
        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(8,47): error CAT0015: check 'c': 'alpha' is 0.5, but at 0.5 or less no slice can score above 0", StringComparison.Ordinal));
        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(9,37): error CAT0011: check 'e' finds where predictions disagree with true labels", StringComparison.Ordinal));
        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(10,50): error CAT0102: column 'gg' (slice feature) is not in", StringComparison.Ordinal));

        // check stops at the policy's own problems before it reads any file; validate goes on to the headers.
        Assert.Equal(validated.Where(e => !e.Contains("CAT0102", StringComparison.Ordinal)).Order(StringComparer.Ordinal), checkedToo.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_run_writes_the_same_slices()
    {
        const string Check = "  - { id: fails, kind: group-fairness, dataset: d, sensitive: [domain, region], resamples: 0, gate: { metric: worst_group_accuracy, min: 0.9 } }";

        Assert.Equal(ReportWriters.ToText(Run(Check), new JsonReportWriter()), ReportWriters.ToText(Run(Check), new JsonReportWriter()));
    }
}
