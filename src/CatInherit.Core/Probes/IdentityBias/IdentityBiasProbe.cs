using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.IdentityBias;

/// <summary>
/// identity-bias: Borkan et al.'s (2019) subgroup, BPSN and BNSP AUCs and average equality gaps per identity
/// subgroup, and the Jigsaw final bias score. A subgroup with a single class has no subgroup AUC: it is reported,
/// warned about and left out of every summary. Intervals resample rows.
/// </summary>
internal sealed class IdentityBiasProbe : IProbe
{
    private static readonly string[] MetricNames = IdentityBiasKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => IdentityBiasKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model)
    {
        var subgroups = check.Values.GetStrings("subgroups");
        for (var i = 0; i < subgroups.Count; i++)
        {
            yield return new ColumnRequest(subgroups[i], ColumnKind.Categorical, check.Values.LocationOf("subgroups", i), "identity subgroup");
        }
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count;
        ProbeRequirements.LabelsAndProbabilities(check, context, diagnostics, "identity-bias ranks the positive class's probability against the labels");
        if (context.Input is not { } input || diagnostics.Count > errors)
        {
            return;
        }

        if (input.Predictions!.ClassIndex(check.Values.String("positive_label")) < 0)
        {
            var where = check.Values.Has("positive_label") ? "'positive_label'" : "the default positive label '1'";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownClass, check.Values.LocationOf("positive_label"),
                $"check '{check.Id}': {where} is not one of the classes [{string.Join(", ", input.Predictions.Classes)}]; set 'positive_label' to the class whose probability is the score"));
        }

        var subgroups = check.Values.GetStrings("subgroups");
        for (var i = 0; i < subgroups.Count; i++)
        {
            if (Membership(input.Table, subgroups[i], out var problem) is not { } members)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SubgroupNotBoolean, problem!.Value.At,
                    $"column '{subgroups[i]}', row {problem.Value.Row + 1}: '{problem.Value.Value}' is not boolean; check '{check.Id}' reads each identity subgroup column as true/false (or 1/0): a row is in the subgroup or not (for annotator fractions, such as Jigsaw's, write a column that is true where the fraction is ≥ 0.5)"));
                continue;
            }

            var count = members.Count(m => m);
            if (count == 0 || count == members.Length)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptySubgroup, check.Values.LocationOf("subgroups", i), string.Create(CultureInfo.InvariantCulture,
                    $"check '{check.Id}': subgroup '{subgroups[i]}' {(count == 0 ? "has no rows (the column is false in every row)" : $"holds every row ({count}), so it has no background to compare with")} in dataset '{check.Dataset}'; add rows that mention the identity and rows that do not, or drop the subgroup")));
            }
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var input = context.Input!;
        var predictions = input.Predictions!;
        var k = predictions.Classes.Length;
        var positiveClass = predictions.ClassIndex(check.Values.String("positive_label"));
        var probabilities = predictions.Probabilities!;
        var n = predictions.Count;
        var scores = new double[n];
        var positive = new bool[n];
        for (var r = 0; r < n; r++)
        {
            scores[r] = probabilities[(r * k) + positiveClass];
            positive[r] = predictions.Labels[r] == positiveClass;
        }

        var names = check.Values.GetStrings("subgroups").ToArray();
        var members = names.Select(name => Membership(input.Table, name, out _)!).ToArray();
        var all = Enumerable.Range(0, n).ToArray();
        var power = check.Values.Double("power");
        var weight = check.Values.Double("overall_weight");

        // One sort of the scores; every AUC of the data and of each resample is a pass over it.
        var order = ScoreOrder.From(scores);
        var cells = members.Select(m => IdentityBiasMetrics.SubgroupCells(positive, m)).ToArray();
        var overallCells = IdentityBiasMetrics.OverallCells(positive);
        var perSubgroup = cells.Select(c => IdentityBiasMetrics.Subgroup(order, c, [])).ToArray();
        var classes = members.Select(m => (Positives: all.Count(r => m[r] && positive[r]), Negatives: all.Count(r => m[r] && !positive[r]))).ToArray();
        var included = Enumerable.Range(0, names.Length).Where(s => classes[s].Positives > 0 && classes[s].Negatives > 0).ToArray();
        var warnings = Enumerable.Range(0, names.Length).Except(included).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"subgroup '{names[s]}' has only {(classes[s].Positives > 0 ? "positive" : "negative")} rows ({classes[s].Positives + classes[s].Negatives}), so its subgroup AUC is undefined; it is reported but left out of every summary")).ToList();

        void Compute(ReadOnlySpan<byte> counts, Span<double> output)
        {
            var bias = new SubgroupBias[included.Length];
            for (var i = 0; i < included.Length; i++)
            {
                bias[i] = IdentityBiasMetrics.Subgroup(order, cells[included[i]], counts);
            }

            var overall = IdentityBiasMetrics.OverallAuc(order, overallCells, counts);
            output[0] = IdentityBiasMetrics.FinalBiasScore(overall, bias, power, weight);
            output[1] = overall;
            output[2] = MinOrNaN(bias.Select(b => b.SubgroupAuc));
            output[3] = MinOrNaN(bias.Select(b => b.BpsnAuc));
            output[4] = MinOrNaN(bias.Select(b => b.BnspAuc));
            output[5] = MaxAbsOrNaN(bias.Select(b => b.NegativeAeg));
            output[6] = MaxAbsOrNaN(bias.Select(b => b.PositiveAeg));
        }

        var values = new double[MetricNames.Length];
        Compute([], values);

        // A row is its score, its label and its subgroups.
        var intervals = ProbeRequirements.WeightedBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(n, (c, r) =>
        {
            c = c.Add(scores[r]).Add(positive[r]);
            foreach (var m in members)
            {
                c = c.Add(m[r]);
            }

            return c;
        }), MetricNames, values, (counts, _, output) => Compute(counts, output));

        var groups = Enumerable.Range(0, names.Length).Select(s =>
        {
            var b = perSubgroup[s];
            var metrics = new (string Name, double Value)[] { ("subgroup_auc", b.SubgroupAuc), ("bpsn_auc", b.BpsnAuc), ("bnsp_auc", b.BnspAuc), ("negative_aeg", b.NegativeAeg), ("positive_aeg", b.PositiveAeg) };
            return new GroupReport(names[s], classes[s].Positives + classes[s].Negatives, !included.Contains(s), [.. metrics.Where(m => !double.IsNaN(m.Value)).Select(m => new MetricValue(m.Name, m.Value))]);
        }).ToList();

        var why = new Dictionary<string, string>();
        if (positive.All(p => p) || positive.All(p => !p))
        {
            why["overall_auc"] = $"every row of dataset '{check.Dataset}' has the same label, so no positive can be ranked against a negative";
        }

        var noSubgroup = included.Length == 0 ? "no subgroup has both positive and negative rows" : null;
        return new ProbeResult
        {
            Count = n,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = [.. MetricNames.Where((_, m) => double.IsNaN(values[m])).Select(name => new KeyValuePair<string, string>(name, why.GetValueOrDefault(name) ?? noSubgroup ?? why.GetValueOrDefault("overall_auc") ?? "a subgroup's background has rows of one class only, so a BPSN or BNSP comparison has an empty side"))],
            Groups = groups,
            Warnings = warnings,
            Details = new JsonObject
            {
                ["positive_class"] = predictions.Classes[positiveClass],
                ["power"] = power,
                ["overall_weight"] = weight,
                ["subgroups"] = new JsonObject([.. Enumerable.Range(0, names.Length).Select(s => KeyValuePair.Create(names[s], (JsonNode?)new JsonObject { ["positives"] = classes[s].Positives, ["negatives"] = classes[s].Negatives }))]),
            },
            Explain = metric => Explain(metric, names, included, perSubgroup),
        };
    }

    /// <summary>Which subgroup sets a min/max summary, for failure messages.</summary>
    private static string? Explain(string metric, string[] names, int[] included, SubgroupBias[] bias)
    {
        (string Label, Func<SubgroupBias, double> Of, bool Lowest)? pick = metric switch
        {
            "min_subgroup_auc" or "final_bias_score" => ("subgroup AUC", b => b.SubgroupAuc, true),
            "min_bpsn_auc" => ("BPSN AUC", b => b.BpsnAuc, true),
            "min_bnsp_auc" => ("BNSP AUC", b => b.BnspAuc, true),
            "max_abs_negative_aeg" => ("|negative AEG|", b => Math.Abs(b.NegativeAeg), false),
            "max_abs_positive_aeg" => ("|positive AEG|", b => Math.Abs(b.PositiveAeg), false),
            _ => null,
        };
        if (pick is not { } p || included.Length == 0)
        {
            return null;
        }

        var ordered = p.Lowest ? included.OrderBy(s => p.Of(bias[s])).ThenBy(s => s) : included.OrderByDescending(s => p.Of(bias[s])).ThenBy(s => s);
        var worst = ordered.First();
        var b = bias[worst];
        return string.Create(CultureInfo.InvariantCulture, $"{(p.Lowest ? "lowest" : "largest")} {p.Label}: subgroup '{names[worst]}' {Numbers.Format(p.Of(b))} (subgroup AUC {Numbers.Format(b.SubgroupAuc)}, BPSN {Numbers.Format(b.BpsnAuc)}, BNSP {Numbers.Format(b.BnspAuc)})");
    }

    private static double MinOrNaN(IEnumerable<double> values)
    {
        var result = double.NaN;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                return double.NaN;
            }

            result = double.IsNaN(result) ? v : Math.Min(result, v);
        }

        return result;
    }

    private static double MaxAbsOrNaN(IEnumerable<double> values)
    {
        var result = double.NaN;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                return double.NaN;
            }

            result = double.IsNaN(result) ? Math.Abs(v) : Math.Max(result, Math.Abs(v));
        }

        return result;
    }

    /// <summary>Each row's membership of the subgroup column, or null (with the first non-boolean value) when a value is not boolean.</summary>
    internal static bool[]? Membership(DataTable table, string column, out (SourceLocation At, int Row, string Value)? problem)
    {
        problem = null;
        var values = table.Column<CategoricalColumn>(column);
        var levels = new bool?[values.Levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = ParseBoolean(values.Levels[i]);
        }

        var result = new bool[table.RowCount];
        for (var row = 0; row < result.Length; row++)
        {
            if (levels[values.Codes[row]] is not { } member)
            {
                problem = (new SourceLocation(table.File, table.Lines[row], table.FieldOf(column)), row, values.Levels[values.Codes[row]]);
                return null;
            }

            result[row] = member;
        }

        return result;
    }

    private static bool? ParseBoolean(string value) => LabelText.Canonical(value).ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
