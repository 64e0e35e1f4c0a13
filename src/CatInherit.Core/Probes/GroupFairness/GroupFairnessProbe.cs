using System.Globalization;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;

namespace CatInherit.Probes.GroupFairness;

/// <summary>
/// group-fairness: per-group selection rate, accuracy, TPR and FPR, summarised across groups with
/// fairlearn's conventions. The Poisson bootstrap draws each (group, confusion cell)'s rows from their counts alone.
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
        var errors = diagnostics.Count;
        ProbeRequirements.LabelsAndPredictions(check, context, diagnostics, "group-fairness compares predictions with labels");
        if (input is null || diagnostics.Count > errors)
        {
            return;
        }

        if (!RequireTwoClasses(check, context, input, diagnostics))
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

        RequireTwoGroups(check, input.Table, diagnostics);
    }

    /// <summary>
    /// The rates compare one positive class with the other: without a declared <c>positive_label</c> or <c>classes</c>
    /// the dataset must have exactly two, so a stray value (a 'yes' or a '7' in a 0/1 column) cannot become a third
    /// class that quietly counts as negative. Reported at the first row of the rarest class.
    /// </summary>
    private static bool RequireTwoClasses(CheckSpec check, ProbeContext context, ProbeInput input, List<Diagnostic> diagnostics)
    {
        var predictions = input.Predictions!;
        var dataset = context.Policy?.FindDataset(check.Dataset ?? string.Empty);
        if (predictions.Classes.Length == 2 || check.Values.Has("positive_label") || dataset is null || dataset.Classes.Count > 0)
        {
            return true;
        }

        var counts = new int[predictions.Classes.Length];
        var first = new (string Column, int Row)?[counts.Length];
        void Count(int[] classes, string? column)
        {
            for (var row = 0; row < classes.Length; row++)
            {
                counts[classes[row]]++;
                first[classes[row]] ??= column is null ? null : (column, row);
            }
        }

        Count(predictions.Labels, dataset.Label);
        Count(dataset.Prediction is null ? [] : predictions.Predicted, dataset.Prediction);
        var found = string.Join(", ", predictions.Classes.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"'{c}' ({counts[i]}×)")));
        var rarest = Enumerable.Range(0, counts.Length).Where(c => first[c] is not null).OrderBy(c => counts[c]).ThenByDescending(c => first[c]!.Value.Row).FirstOrDefault(-1);
        var fix = "fix the stray value, or set 'positive_label' (every other class then counts as negative)";
        var fromValues = dataset.Scores.Count == 0 && input.Outputs is null;
        if (fromValues && predictions.Classes.Length > 2 && rarest >= 0)
        {
            var (column, row) = first[rarest]!.Value;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LabelOutsideClasses, new SourceLocation(input.Table.File, input.Table.Lines[row], input.Table.FieldOf(column)),
                string.Create(CultureInfo.InvariantCulture, $"column '{column}', row {row + 1}: '{predictions.Classes[rarest]}' makes a third class; check '{check.Id}' compares a positive class with a negative one, but the labels and predictions of dataset '{dataset.Name}' hold {predictions.Classes.Length}: {found}; {fix}")));
        }
        else
        {
            var what = predictions.Classes.Length == 1 ? $"only one class, {found}" : fromValues ? $"{predictions.Classes.Length} classes: {found}" : $"{predictions.Classes.Length} classes (one per score)";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LabelOutsideClasses, check.Values.LocationOf("dataset"),
                $"check '{check.Id}' compares a positive class with a negative one, but dataset '{dataset.Name}' has {what}; set 'positive_label' or declare the dataset's 'classes'"));
        }

        return false;
    }

    /// <summary>A comparison needs at least two groups of at least <c>min_group_size</c> rows; a group of one row is warned about in <see cref="Run"/>.</summary>
    private static void RequireTwoGroups(CheckSpec check, DataTable table, List<Diagnostic> diagnostics)
    {
        var (rowGroup, names) = AssignGroups(check, table);
        var sizes = new int[names.Length];
        foreach (var group in rowGroup)
        {
            sizes[group]++;
        }

        var minSize = check.Values.GetInt("min_group_size") ?? 1;
        var included = Enumerable.Range(0, names.Length).Where(g => sizes[g] >= minSize).ToList();
        var columns = string.Join(", ", check.Values.GetStrings("sensitive").Select(c => $"'{c}'"));
        if (names.Length == 1)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf("sensitive"), string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}': every row has the same {columns} ('{names[0]}', {sizes[0]} rows), so there is one group and nothing to compare; group fairness needs at least two groups")));
        }
        else if (included.Count < 2)
        {
            var shown = string.Join(", ", Enumerable.Range(0, names.Length).OrderByDescending(g => sizes[g]).Take(5).Select(g => string.Create(CultureInfo.InvariantCulture, $"'{names[g]}' ({sizes[g]})")));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf(check.Values.Has("min_group_size") ? "min_group_size" : "sensitive"), string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}': {(included.Count == 0 ? "no group" : "only one group")} of {columns} has at least min_group_size {minSize} rows ({shown}{(names.Length > 5 ? ", ..." : string.Empty)}), so there is nothing to compare; lower 'min_group_size' or add rows")));
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var input = context.Input ?? throw new InvalidOperationException("group-fairness runs on a dataset.");
        var predictions = input.Predictions!;
        var positive = predictions.ClassIndex(PositiveLabel(check));
        var (rowGroup, groupNames) = AssignGroups(check, input.Table);
        var groupCount = groupNames.Length;

        // The sufficient statistic: confusion counts per group (they add across parts of the data).
        var all = new ConfusionCounts[groupCount];
        for (var row = 0; row < rowGroup.Length; row++)
        {
            all[rowGroup[row]].Add(ConfusionCounts.Cell(predictions.Labels[row] == positive, predictions.Predicted[row] == positive));
        }

        var minSize = check.Values.Int("min_group_size");
        var included = Enumerable.Range(0, groupCount).Where(g => all[g].Count >= minSize).ToArray();
        var warnings = new List<string>();
        foreach (var g in Enumerable.Range(0, groupCount).Where(g => all[g].Count < minSize))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"group '{groupNames[g]}' has {Rows(all[g].Count)}, fewer than min_group_size {minSize}; it is reported but excluded from the metrics"));
        }

        foreach (var g in included.Where(g => all[g].Count == 1))
        {
            warnings.Add($"group '{groupNames[g]}' has a single row, so each of its rates is 0 or 1; check the value for a typo, or set min_group_size to leave tiny groups out");
        }

        var counts = included.Select(g => all[g]).ToArray();
        warnings.AddRange(ZeroDenominators(counts, [.. included.Select(g => groupNames[g])], predictions.Classes[positive]));
        var values = new double[GroupFairnessKind.MetricNames.Length];
        GroupFairnessMetrics.Compute(counts, values);

        var intervals = new List<KeyValuePair<string, Interval>>();
        if (check.Resamples > 0 && counts.Length > 0)
        {
            var bootstrap = RunBootstrap(check, context.CheckSeed, [.. included.Select(g => groupNames[g])], counts);
            intervals.AddRange(bootstrap.IntervalsFor(GroupFairnessKind.MetricNames, values));
            var gated = Array.IndexOf(GroupFairnessKind.MetricNames, check.Gate?.Metric);
            if (gated >= 0 && bootstrap.Dropped[gated] > 0 && intervals.Any(i => i.Key == check.Gate!.Metric))
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{bootstrap.Dropped[gated]} of {bootstrap.Resamples} bootstrap resamples left {check.Gate!.Metric} undefined and were dropped from its interval (a Poisson resample can draw no row of a small group, or none of the rows that make a ratio's denominator nonzero)"));
            }
        }

        var includedNames = included.Select(g => groupNames[g]).ToArray();
        var attributions = TokenAttributions.Explain(context.Query, Mistakes(input, context, rowGroup, all, included, groupNames), predictions.Classes);
        return new ProbeResult
        {
            Count = counts.Sum(c => c.Count),
            Metrics = [.. GroupFairnessKind.MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = [.. GroupFairnessKind.MetricNames.Where((_, m) => double.IsNaN(values[m])).Select(name => new KeyValuePair<string, string>(name, WhyUndefined(name, counts)))],
            Groups = [.. Enumerable.Range(0, groupCount).Select(g => Group(groupNames[g], all[g], all[g].Count < minSize))],
            Warnings = warnings,
            Details = attributions.Count > 0 ? TokenAttributions.Into([], attributions) : null,
            Explain = metric => Explain(metric, counts, includedNames),
            WhenFailing = () => SliceFinder.ForFailure(FailureRows(check, input, context), check.Confidence),
        };
    }

    /// <summary>The most confident mistakes (else the first ones) in the included group with the lowest accuracy, for a text model.</summary>
    private static List<AttributionExample> Mistakes(ProbeInput input, ProbeContext context, int[] rowGroup, ConfusionCounts[] all, int[] included, string[] groupNames)
    {
        if (included.Length == 0 || context.Query is null || SliceFeatures.Texts(input, context.Model) is not { } texts)
        {
            return [];
        }

        var predictions = input.Predictions!;
        var worst = included.OrderBy(g => all[g].Accuracy).ThenBy(g => g).First();
        var confidence = SliceFeatures.TopProbability(predictions);
        return [.. Enumerable.Range(0, predictions.Count)
            .Where(r => rowGroup[r] == worst && predictions.Predicted[r] != predictions.Labels[r])
            .OrderByDescending(r => confidence?[r] ?? 0).ThenBy(r => r)
            .Take(TokenAttributions.PerCheck)
            .Select((r, rank) => new AttributionExample(string.Create(CultureInfo.InvariantCulture, $"mistake {rank + 1} in '{groupNames[worst]}' (label {predictions.Classes[predictions.Labels[r]]})"), texts[r], predictions.Predicted[r]))];
    }

    /// <summary>Where a failing check's errors concentrate: its sensitive columns and the derived features, every row.</summary>
    private static SliceTable FailureRows(CheckSpec check, ProbeInput input, ProbeContext context)
    {
        var predictions = input.Predictions!;
        var features = check.Values.GetStrings("sensitive").Distinct(StringComparer.Ordinal).Select(c => SliceFeatures.Column(input.Table.Column<CategoricalColumn>(c))).ToList();
        features.AddRange(SliceFeatures.Derive(SliceFeatures.Texts(input, context.Model), predictions.Predicted, SliceFeatures.TopProbability(predictions), predictions.Classes));
        return new SliceTable(features, SliceFeatures.Misclassified(predictions), "rows", "misclassified");
    }

    private static string Rows(long count) => count == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{count} rows");

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

    /// <summary>
    /// The Poisson bootstrap over the included groups' rows. A row is its group and its confusion cell, all a rate reads of it,
    /// so the rows of one (group, cell) are interchangeable: their identities are that content's occurrences 0 … m − 1, and a
    /// resample's count of the cell is the sum of their Poisson counts, drawn without storing a row.
    /// </summary>
    private static BootstrapResult RunBootstrap(CheckSpec check, ulong checkSeed, string[] names, ConfusionCounts[] counts)
    {
        var contents = new ulong[counts.Length * 4];
        var sizes = new long[contents.Length];
        for (var g = 0; g < counts.Length; g++)
        {
            for (var cell = 0; cell < 4; cell++)
            {
                contents[(g * 4) + cell] = RowContent.Of("group").Add(names[g]).Add(cell).Hash;
                sizes[(g * 4) + cell] = counts[g].Of((byte)cell);
            }
        }

        return Bootstrap.Run(
            check.Resamples,
            checkSeed,
            GroupFairnessKind.MetricNames.Length,
            check.Confidence,
            () => new ConfusionCounts[counts.Length],
            (scratch, key, output) =>
            {
                for (var g = 0; g < scratch.Length; g++)
                {
                    var c = default(ConfusionCounts);
                    for (var cell = 0; cell < 4; cell++)
                    {
                        var i = (g * 4) + cell;
                        c.Add((byte)cell, PoissonCounts.SumOccurrences(contents[i], 0, sizes[i], key));
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
        AddIfDefined("true_positive_rate", c.FairlearnTruePositiveRate);
        AddIfDefined("false_positive_rate", c.FairlearnFalsePositiveRate);
        return new GroupReport(name, c.Count, excluded, metrics);
    }

    /// <summary>
    /// One warning per rate that some included group has as 0 / 0, naming the groups: fairlearn takes it as 0 (scikit-learn's
    /// normalised confusion matrix), and so do the summaries here, so the numbers are fairlearn's.
    /// </summary>
    private static IEnumerable<string> ZeroDenominators(ConfusionCounts[] groups, string[] names, string positive)
    {
        string List(Func<ConfusionCounts, bool> lacks, out int count)
        {
            var lacking = names.Where((_, g) => lacks(groups[g])).Select(n => $"'{n}'").ToArray();
            count = lacking.Length;
            return string.Join(", ", lacking);
        }

        var noPositives = List(c => c.TruePositives + c.FalseNegatives == 0, out var p);
        if (p > 0)
        {
            yield return $"{(p == 1 ? "group" : "groups")} {noPositives} {(p == 1 ? "has" : "have")} no rows labelled positive ('{positive}'), so {(p == 1 ? "its" : "their")} true positive rate is 0/0; it is taken as 0, as fairlearn does (scikit-learn's normalised confusion matrix), in equal_opportunity_* and equalized_odds_*";
        }

        var noNegatives = List(c => c.FalsePositives + c.TrueNegatives == 0, out var n);
        if (n > 0)
        {
            yield return $"{(n == 1 ? "group" : "groups")} {noNegatives} {(n == 1 ? "has" : "have")} no rows labelled negative (not '{positive}'), so {(n == 1 ? "its" : "their")} false positive rate is 0/0; it is taken as 0, as fairlearn does (scikit-learn's normalised confusion matrix), in equalized_odds_*";
        }
    }

    private static string WhyUndefined(string metric, ConfusionCounts[] groups)
    {
        if (groups.Length == 0)
        {
            return "every group is smaller than min_group_size, so no group is left to compare";
        }

        const string noTruePositive = "no group has a true positive (the true positive rate is 0 in every group), so the ratio of the smallest to the largest is 0/0 (fairlearn returns not-a-number here too)";
        return metric switch
        {
            "demographic_parity_ratio" => "no group has a positive prediction (the selection rate is 0 in every group), so the ratio of the smallest to the largest is 0/0 (fairlearn returns not-a-number here too)",
            "equal_opportunity_ratio" => noTruePositive,
            "equalized_odds_ratio" => double.IsNaN(RatioOf(groups, c => c.FairlearnFalsePositiveRate))
                ? "no group has a true positive and no group has a false positive, so both ratios are 0/0 (fairlearn returns not-a-number here too)"
                : "no group has a true positive, so the true positive rate ratio is 0/0; fairlearn's equalized_odds_ratio is Python's min() over [TPR ratio, FPR ratio], which keeps a 0/0 that comes first, so it returns not-a-number too",
            _ => "no rows",
        };
    }

    private static double RatioOf(ConfusionCounts[] groups, Func<ConfusionCounts, double> rate)
    {
        var values = groups.Select(rate).ToArray();
        return values.Max() == 0 ? double.NaN : values.Min() / values.Max();
    }

    private static string? Explain(string metric, ConfusionCounts[] groups, string[] names)
    {
        if (groups.Length < 2)
        {
            return null;
        }

        if (metric.StartsWith("equalized_odds", StringComparison.Ordinal))
        {
            // Explain with the component that decides the value: the larger difference, or the smaller ratio.
            if (Spread("true_positive_rate", c => c.FairlearnTruePositiveRate, groups, names) is not { } tpr
                || Spread("false_positive_rate", c => c.FairlearnFalsePositiveRate, groups, names) is not { } fpr)
            {
                return null;
            }

            var difference = metric.EndsWith("_difference", StringComparison.Ordinal);
            var (tprTerm, fprTerm) = difference ? (tpr.High - tpr.Low, fpr.High - fpr.Low) : (-Ratio(tpr), -Ratio(fpr));
            var (driver, other) = fprTerm > tprTerm ? (fpr, tpr) : (tpr, fpr);
            var why = tprTerm == fprTerm ? string.Empty : difference ? " (the larger gap)" : " (the smaller ratio)";
            return $"{driver.Text}{why}; {other.Text}";
        }

        (string Rate, Func<ConfusionCounts, double> Of)? rate = metric switch
        {
            "demographic_parity_difference" or "demographic_parity_ratio" => ("selection_rate", c => c.SelectionRate),
            "equal_opportunity_difference" or "equal_opportunity_ratio" => ("true_positive_rate", c => c.FairlearnTruePositiveRate),
            "worst_group_accuracy" => ("accuracy", c => c.Accuracy),
            _ => null,
        };
        return rate is { } r ? Spread(r.Rate, r.Of, groups, names)?.Text : null;
    }

    private static double Ratio((double Low, double High, string Text) spread) => spread.High == 0 ? double.NaN : spread.Low / spread.High;

    /// <summary>Where a per-group rate is lowest and highest, in words; null when a group's rate is undefined.</summary>
    private static (double Low, double High, string Text)? Spread(string rate, Func<ConfusionCounts, double> of, ConfusionCounts[] groups, string[] names)
    {
        var values = groups.Select(of).ToArray();
        if (values.Any(double.IsNaN))
        {
            return null;
        }

        var low = Array.IndexOf(values, values.Min());
        var high = Array.IndexOf(values, values.Max());
        return values[low] == values[high]
            ? (values[low], values[high], $"{rate} is {Numbers.Format(values[low])} in every group")
            : (values[low], values[high], $"{rate} ranges from {Numbers.Format(values[low])} ('{names[low]}', n={groups[low].Count}) to {Numbers.Format(values[high])} ('{names[high]}', n={groups[high].Count})");
    }
}
