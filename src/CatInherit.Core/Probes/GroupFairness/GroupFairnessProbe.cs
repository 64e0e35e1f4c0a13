using System.Globalization;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.GroupFairness;

/// <summary>
/// group-fairness: per-group selection rate, accuracy, TPR and FPR, summarised across groups with
/// fairlearn's conventions. The bootstrap resamples rows within each group, keeping group sizes fixed.
/// </summary>
internal sealed class GroupFairnessProbe : IProbe
{
    public CheckKindDescriptor Descriptor => GroupFairnessKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model)
    {
        var sensitive = check.Values.GetStrings("sensitive");
        for (var i = 0; i < sensitive.Count; i++)
        {
            yield return new ColumnRequest(sensitive[i], ColumnKind.Categorical, check.Values.LocationOf("sensitive", i), "sensitive attribute");
        }
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        var input = context.Input;
        if (input is null)
        {
            return;
        }

        var positive = PositiveLabel(check);
        if (input.Predictions!.ClassIndex(positive) < 0)
        {
            var where = check.Values.Has("positive_label") ? "'positive_label'" : "the default positive label '1'";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownClass, check.Values.LocationOf("positive_label"),
                $"check '{check.Id}': {where} is not one of the classes [{string.Join(", ", input.Predictions.Classes)}]; set 'positive_label' to the class that counts as positive"));
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var input = context.Input ?? throw new InvalidOperationException("group-fairness runs on a dataset.");
        var predictions = input.Predictions!;
        var positive = predictions.ClassIndex(PositiveLabel(check));
        var (rowGroup, groupNames) = AssignGroups(check, input.Table);
        var groupCount = groupNames.Length;

        var all = new ConfusionCounts[groupCount];
        var cells = new byte[predictions.Count];
        for (var row = 0; row < cells.Length; row++)
        {
            cells[row] = ConfusionCounts.Cell(predictions.Labels[row] == positive, predictions.Predicted[row] == positive);
            all[rowGroup[row]].Add(cells[row]);
        }

        var minSize = check.Values.Int("min_group_size");
        var included = Enumerable.Range(0, groupCount).Where(g => all[g].Count >= minSize).ToArray();
        var warnings = new List<string>();
        foreach (var g in Enumerable.Range(0, groupCount).Where(g => all[g].Count < minSize))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"group '{groupNames[g]}' has {all[g].Count} rows, fewer than min_group_size {minSize}; it is reported but excluded from the metrics"));
        }

        var counts = included.Select(g => all[g]).ToArray();
        var values = new double[GroupFairnessKind.MetricNames.Length];
        GroupFairnessMetrics.Compute(counts, values);

        var intervals = new List<KeyValuePair<string, Interval>>();
        if (check.Resamples > 0 && counts.Length > 0)
        {
            var bootstrap = RunBootstrap(check, context.CheckSeed, rowGroup, cells, included, counts);
            intervals.AddRange(bootstrap.IntervalsFor(GroupFairnessKind.MetricNames, values));
            var gated = Array.IndexOf(GroupFairnessKind.MetricNames, check.Gate?.Metric);
            if (gated >= 0 && bootstrap.Dropped[gated] > 0 && intervals.Any(i => i.Key == check.Gate!.Metric))
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{bootstrap.Dropped[gated]} of {bootstrap.Resamples} bootstrap resamples left {check.Gate!.Metric} undefined and were dropped from its interval"));
            }
        }

        var includedNames = included.Select(g => groupNames[g]).ToArray();
        return new ProbeResult
        {
            Count = counts.Sum(c => c.Count),
            Metrics = [.. GroupFairnessKind.MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = [.. GroupFairnessKind.MetricNames.Where((_, m) => double.IsNaN(values[m])).Select(name => new KeyValuePair<string, string>(name, WhyUndefined(name, counts, includedNames, predictions.Classes[positive])))],
            Groups = [.. Enumerable.Range(0, groupCount).Select(g => Group(groupNames[g], all[g], all[g].Count < minSize))],
            Warnings = warnings,
            Explain = metric => Explain(metric, counts, includedNames),
        };
    }

    private static string PositiveLabel(CheckSpec check) => check.Values.String("positive_label");

    /// <summary>Group index per row; groups sorted by name so reports do not depend on row order.</summary>
    private static (int[] RowGroup, string[] Names) AssignGroups(CheckSpec check, DataTable table)
    {
        var columns = check.Values.GetStrings("sensitive").Distinct(StringComparer.Ordinal).Select(table.Column<CategoricalColumn>).ToArray();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowGroup = new int[table.RowCount];
        var names = new List<string>();
        var composite = new Dictionary<long, int>();
        for (var row = 0; row < rowGroup.Length; row++)
        {
            long key = 0;
            foreach (var column in columns)
            {
                key = (key * column.Levels.Length) + column.Codes[row];
            }

            if (!composite.TryGetValue(key, out var group))
            {
                group = names.Count;
                composite[key] = group;
                names.Add(columns.Length == 1
                    ? columns[0].Levels[columns[0].Codes[row]]
                    : string.Join(", ", columns.Select(c => $"{c.Name}={c.Levels[c.Codes[row]]}")));
            }

            rowGroup[row] = group;
        }

        var order = Enumerable.Range(0, names.Count).OrderBy(g => names[g], StringComparer.Ordinal).ToArray();
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        for (var row = 0; row < rowGroup.Length; row++)
        {
            rowGroup[row] = rank[rowGroup[row]];
        }

        return (rowGroup, [.. order.Select(g => names[g])]);
    }

    private static BootstrapResult RunBootstrap(CheckSpec check, ulong checkSeed, int[] rowGroup, byte[] cells, int[] included, ConfusionCounts[] counts)
    {
        // Cells of each included group laid out contiguously, so a resample draws from one slice per group.
        var slot = new int[rowGroup.Length == 0 ? 0 : rowGroup.Max() + 1];
        Array.Fill(slot, -1);
        for (var i = 0; i < included.Length; i++)
        {
            slot[included[i]] = i;
        }

        var offsets = new int[included.Length + 1];
        for (var i = 0; i < included.Length; i++)
        {
            offsets[i + 1] = offsets[i] + (int)counts[i].Count;
        }

        var grouped = new byte[offsets[^1]];
        var fill = offsets[..^1].ToArray();
        for (var row = 0; row < cells.Length; row++)
        {
            if (slot[rowGroup[row]] is var s and >= 0)
            {
                grouped[fill[s]++] = cells[row];
            }
        }

        return Bootstrap.Run(
            check.Resamples,
            checkSeed,
            GroupFairnessKind.MetricNames.Length,
            check.Confidence,
            () => new ConfusionCounts[included.Length],
            (scratch, ref rng, output) =>
            {
                for (var g = 0; g < scratch.Length; g++)
                {
                    var start = offsets[g];
                    var size = offsets[g + 1] - start;
                    var c = default(ConfusionCounts);
                    for (var i = 0; i < size; i++)
                    {
                        c.Add(grouped[start + rng.NextInt(size)]);
                    }

                    scratch[g] = c;
                }

                GroupFairnessMetrics.Compute(scratch, output);
            });
    }

    private static GroupReport Group(string name, ConfusionCounts c, bool excluded)
    {
        var metrics = new List<MetricValue>();
        void AddIfDefined(string metric, double value)
        {
            if (!double.IsNaN(value))
            {
                metrics.Add(new MetricValue(metric, value));
            }
        }

        AddIfDefined("selection_rate", c.SelectionRate);
        AddIfDefined("accuracy", c.Accuracy);
        AddIfDefined("true_positive_rate", c.TruePositiveRate);
        AddIfDefined("false_positive_rate", c.FalsePositiveRate);
        return new GroupReport(name, c.Count, excluded, metrics);
    }

    private static string WhyUndefined(string metric, ConfusionCounts[] groups, string[] names, string positive)
    {
        if (groups.Length == 0)
        {
            return "every group is smaller than min_group_size, so no group is left to compare";
        }

        string NoRows(Func<ConfusionCounts, bool> lacks, string what) =>
            string.Join(", ", names.Where((_, g) => lacks(groups[g])).Select(n => $"'{n}'")) is { Length: > 0 } list
                ? $"group {list} has no rows labelled {what}, so its {(what.StartsWith("positive", StringComparison.Ordinal) ? "true" : "false")} positive rate is undefined"
                : string.Empty;

        var noPositives = NoRows(c => c.TruePositives + c.FalseNegatives == 0, $"positive ('{positive}')");
        var noNegatives = NoRows(c => c.FalsePositives + c.TrueNegatives == 0, $"negative (not '{positive}')");
        return metric switch
        {
            "demographic_parity_ratio" => "no group has a positive prediction, so the ratio is 0 / 0",
            "equal_opportunity_difference" => noPositives,
            "equal_opportunity_ratio" when noPositives.Length > 0 => noPositives,
            "equal_opportunity_ratio" => "no group has a true positive, so the ratio is 0 / 0",
            "equalized_odds_difference" => string.Join("; ", new[] { noPositives, noNegatives }.Where(s => s.Length > 0)),
            "equalized_odds_ratio" when noPositives.Length + noNegatives.Length > 0 => string.Join("; ", new[] { noPositives, noNegatives }.Where(s => s.Length > 0)),
            "equalized_odds_ratio" => "no group has a true positive or no group has a false positive, so a ratio is 0 / 0",
            _ => "no rows",
        };
    }

    private static string? Explain(string metric, ConfusionCounts[] groups, string[] names)
    {
        (string Rate, Func<ConfusionCounts, double> Of)? rate = metric switch
        {
            "demographic_parity_difference" or "demographic_parity_ratio" => ("selection_rate", c => c.SelectionRate),
            "equal_opportunity_difference" or "equal_opportunity_ratio" or "equalized_odds_difference" or "equalized_odds_ratio" => ("true_positive_rate", c => c.TruePositiveRate),
            "worst_group_accuracy" => ("accuracy", c => c.Accuracy),
            _ => null,
        };
        if (rate is not { } r || groups.Length < 2)
        {
            return null;
        }

        var values = groups.Select(r.Of).ToArray();
        if (values.Any(double.IsNaN))
        {
            return null;
        }

        var low = Array.IndexOf(values, values.Min());
        var high = Array.IndexOf(values, values.Max());
        if (values[low] == values[high])
        {
            return $"{r.Rate} is {Numbers.Format(values[low])} in every group";
        }

        var text = $"{r.Rate} ranges from {Numbers.Format(values[low])} ('{names[low]}', n={groups[low].Count}) to {Numbers.Format(values[high])} ('{names[high]}', n={groups[high].Count})";
        if (metric.StartsWith("equalized_odds", StringComparison.Ordinal))
        {
            var fpr = groups.Select(c => c.FalsePositiveRate).ToArray();
            text += $"; false_positive_rate from {Numbers.Format(fpr.Min())} ('{names[Array.IndexOf(fpr, fpr.Min())]}') to {Numbers.Format(fpr.Max())} ('{names[Array.IndexOf(fpr, fpr.Max())]}')";
        }

        return text;
    }
}
