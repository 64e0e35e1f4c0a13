using System.Globalization;
using System.Text;
using System.Text.Json;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

/// <summary>identity-bias against conversationai's formulas, reimplemented with numpy/scikit-learn/scipy (Fixtures/make_identity_fixtures.py).</summary>
public sealed class IdentityBiasTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load("identity_bias.json").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static JsonElement Case(string name) => Fixture.Load("identity_bias.json").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>Writes the case as a CSV of labels, probabilities and true/false subgroup columns, and a policy over it.</summary>
    private string Write(JsonElement c, string extra = "    resamples: 0\n")
    {
        var groups = c.GetProperty("subgroups").EnumerateObject().Select(p => (p.Name, Values: p.Value.EnumerateArray().Select(v => v.GetBoolean()).ToArray())).ToList();
        var labels = c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var scores = c.GetProperty("scores").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var csv = new StringBuilder("label,p0,p1," + string.Join(",", groups.Select(g => g.Name)) + "\n");
        for (var r = 0; r < labels.Length; r++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{labels[r]},{1 - scores[r]:R},{scores[r]:R}");
            foreach (var g in groups)
            {
                csv.Append(g.Values[r] ? ",true" : ",false");
            }

            csv.Append('\n');
        }

        folder.Write("d.csv", csv.ToString());
        return folder.Write("catinherit.yaml", string.Create(CultureInfo.InvariantCulture, $"""
            version: 1
            datasets:
              d: {"{"} path: d.csv, label: label, scores: [p0, p1], score_kind: probabilities {"}"}
            checks:
              - id: bias
                kind: identity-bias
                dataset: d
                subgroups: [{string.Join(", ", groups.Select(g => g.Name))}]
                power: {c.GetProperty("power").GetDouble()}
                overall_weight: {c.GetProperty("overall_weight").GetDouble()}
                gate: {"{"} metric: final_bias_score, min: 0.5 {"}"}

            """) + extra);
    }

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_match_the_reference_formulas(string name)
    {
        var c = Case(name);
        var check = Assert.Single(PolicyRun.RunFile(Write(c)).Report!.Checks);

        double Metric(string metric) => check.Metrics.Single(m => m.Name == metric).Value;
        Assert.Equal(c.GetProperty("overall_auc").GetDouble(), Metric("overall_auc"), 12);
        Assert.Equal(c.GetProperty("final_bias_score").GetDouble(), Metric("final_bias_score"), 12);
        var included = c.GetProperty("included").EnumerateArray().Select(v => v.GetString()!).ToHashSet();
        var expected = c.GetProperty("per_subgroup");
        foreach (var group in check.Groups)
        {
            var reference = expected.GetProperty(group.Name);
            Assert.Equal(reference.GetProperty("n").GetInt32(), group.Count);
            Assert.Equal(!included.Contains(group.Name), group.Excluded);
            foreach (var metric in new[] { "subgroup_auc", "bpsn_auc", "bnsp_auc", "negative_aeg", "positive_aeg" })
            {
                var value = group.Metrics.SingleOrDefault(m => m.Name == metric)?.Value;
                if (Number(reference.GetProperty(metric)) is { } want)
                {
                    Assert.True(value.HasValue, $"{group.Name}.{metric} should be defined");
                    Assert.Equal(want, value!.Value, 12);
                }
                else
                {
                    Assert.Null(value);
                }
            }
        }

        double Extreme(string metric, bool min, bool abs) => included.Select(g => expected.GetProperty(g).GetProperty(metric).GetDouble()).Select(v => abs ? Math.Abs(v) : v).Aggregate(min ? Math.Min : Math.Max);
        Assert.Equal(Extreme("subgroup_auc", true, false), Metric("min_subgroup_auc"), 12);
        Assert.Equal(Extreme("bpsn_auc", true, false), Metric("min_bpsn_auc"), 12);
        Assert.Equal(Extreme("bnsp_auc", true, false), Metric("min_bnsp_auc"), 12);
        Assert.Equal(Extreme("negative_aeg", false, true), Metric("max_abs_negative_aeg"), 12);
        Assert.Equal(Extreme("positive_aeg", false, true), Metric("max_abs_positive_aeg"), 12);
    }

    [Fact]
    public void A_subgroup_with_one_class_is_reported_excluded_and_warned_about()
    {
        var check = Assert.Single(PolicyRun.RunFile(Write(Case("one-class-subgroup"))).Report!.Checks);

        var group = check.Groups.Single(g => g.Name == "negatives-only");
        Assert.True(group.Excluded);
        Assert.DoesNotContain(group.Metrics, m => m.Name == "subgroup_auc");
        Assert.Contains(group.Metrics, m => m.Name == "bpsn_auc");
        Assert.Contains(check.Warnings, w => w.Contains("subgroup 'negatives-only' has only negative rows", StringComparison.Ordinal) && w.Contains("left out of every summary", StringComparison.Ordinal));
    }

    [Fact]
    public void Intervals_are_seeded_and_contain_the_point_estimate()
    {
        var path = Write(Case("continuous-three-subgroups"), "    resamples: 300\n");

        var first = PolicyRun.RunFile(path).Report!;
        var second = PolicyRun.RunFile(path).Report!;
        var other = PolicyRun.RunFile(path, seed: 3).Report!;

        Assert.Equal(ReportWriters.ToText(first, new JsonReportWriter()), ReportWriters.ToText(second, new JsonReportWriter()));
        Assert.NotEqual(first.Checks[0].IntervalOf("final_bias_score"), other.Checks[0].IntervalOf("final_bias_score"));
        foreach (var metric in first.Checks[0].Metrics)
        {
            var interval = first.Checks[0].IntervalOf(metric.Name);
            Assert.NotNull(interval);
            Assert.InRange(metric.Value, interval!.Value.Lower, interval.Value.Upper);
        }
    }

    [Fact]
    public void The_power_mean_weighs_the_worst_subgroup_most()
    {
        // By hand: M_-5(0.5, 1) = ((0.5^-5 + 1) / 2)^(-1/5) = (16.5)^(-0.2).
        Assert.Equal(Math.Pow(16.5, -0.2), CatInherit.Metrics.IdentityBiasMetrics.PowerMean([0.5, 1.0], -5), 14);
        Assert.True(CatInherit.Metrics.IdentityBiasMetrics.PowerMean([0.5, 1.0], -5) < 0.6);
    }

    private List<string> Errors(string csv, string subgroups = "[muslim, gay]")
    {
        folder.Write("d.csv", csv);
        var path = folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              d: { path: d.csv, label: label, scores: [p0, p1], score_kind: probabilities }
            checks:
              - id: bias
                kind: identity-bias
                dataset: d
                subgroups: {{subgroups}}
            """);
        var run = PolicyRun.RunFile(path);
        Assert.Null(run.Report);
        return [.. run.Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))];
    }

    [Fact]
    public void A_column_that_is_not_boolean_is_an_error_at_its_cell()
    {
        var errors = Errors("label,p0,p1,muslim,gay\n1,0.2,0.8,true,0\n0,0.6,0.4,maybe,1\n1,0.3,0.7,false,0\n");

        Assert.Equal(["d.csv(3,4): error CAT0620: column 'muslim', row 2: 'maybe' is not boolean; check 'bias' reads each identity subgroup column as true/false (or 1/0): a row is in the subgroup or not (for annotator fractions, such as Jigsaw's, write a column that is true where the fraction is ≥ 0.5)"], errors);
    }

    [Fact]
    public void A_subgroup_without_rows_and_one_with_every_row_are_errors_at_their_names()
    {
        var errors = Errors("label,p0,p1,muslim,gay\n1,0.2,0.8,false,1\n0,0.6,0.4,false,1\n1,0.3,0.7,FALSE,1\n");

        Assert.Equal(2, errors.Count);
        Assert.Equal("catinherit.yaml(8,17): error CAT0621: check 'bias': subgroup 'muslim' has no rows (the column is false in every row) in dataset 'd'; add rows that mention the identity and rows that do not, or drop the subgroup", errors[0]);
        Assert.StartsWith("catinherit.yaml(8,25): error CAT0621: check 'bias': subgroup 'gay' holds every row (3)", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_time_problems_are_reported_by_validate_too()
    {
        folder.Write("d.csv", "label,p0,p1,muslim\n1,0.2,0.8,true\n");
        var path = folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              d: { path: d.csv, label: label, scores: [p0, p1], score_kind: probabilities }
              nolabel: { path: d.csv, scores: [p0, p1], score_kind: probabilities }
            checks:
              - { id: a, kind: identity-bias, dataset: d, subgroups: [muslim, muslim] }
              - { id: b, kind: identity-bias, dataset: d, subgroups: [] }
              - { id: c, kind: identity-bias, dataset: nolabel, subgroups: muslim }
              - { id: e, kind: identity-bias, dataset: d, subgroups: [muslimm] }
            """);

        var validated = PolicyValidator.Validate(path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)).ToList();

        Assert.Contains("catinherit.yaml(6,67): error CAT0013: check 'a': subgroup 'muslim' is listed twice", validated);
        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(7,58): error CAT0013: 'subgroups' in check 'b' is an empty list", StringComparison.Ordinal));
        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(8,44): error CAT0011: check 'c': identity-bias ranks the positive class's probability against the labels, but dataset 'nolabel' has no 'label'", StringComparison.Ordinal));
        Assert.Contains(validated, e => e.StartsWith("catinherit.yaml(9,59): error CAT0102: column 'muslimm' (identity subgroup) is not in", StringComparison.Ordinal) && e.Contains("Did you mean 'muslim'?", StringComparison.Ordinal));
    }
}
