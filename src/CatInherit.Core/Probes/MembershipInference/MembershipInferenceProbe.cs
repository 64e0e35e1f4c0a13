using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.MembershipInference;

/// <summary>
/// membership-inference: a threshold attack on the model's outputs, members as the positive class, on every row of
/// both sets. auc (ties count ½), leakage_auc (max(auc, 1 − auc)), tpr_at_fpr (largest TPR with FPR ≤ fpr), advantage
/// (max |TPR − FPR|). <c>balance: true</c> subsamples the larger set (seeded) to the smaller's size, which changes the
/// sample and nothing else.
/// </summary>
internal sealed class MembershipInferenceProbe : IProbe
{
    private static readonly string[] MetricNames = MembershipInferenceKind.Descriptor.ReportedMetrics;
    private static readonly int Auc = Array.IndexOf(MetricNames, "auc");
    private static readonly int LeakageAuc = Array.IndexOf(MetricNames, "leakage_auc");
    private static readonly int TprAtFpr = Array.IndexOf(MetricNames, "tpr_at_fpr");
    private static readonly int Advantage = Array.IndexOf(MetricNames, "advantage");

    public CheckKindDescriptor Descriptor => MembershipInferenceKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => [];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        var attack = check.Values.String("attack");
        var before = diagnostics.Count;
        foreach (var key in new[] { "members", "non_members" })
        {
            if (!context.Datasets.TryGetValue(key, out var input))
            {
                continue;
            }

            if (input.Predictions?.HasProbabilities != true)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputKindMismatch, check.Values.LocationOf(key), $"check '{check.Id}': the attack reads class probabilities, but dataset '{check.DatasetRefs[key]}' has none (give it 'scores' or a model with a logits or probabilities output)"));
            }
            else if (MembershipAttack.NeedsLabel(attack) && input.Predictions.Labels.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, check.Values.LocationOf(key), $"check '{check.Id}': the '{attack}' attack needs the true label of each sample, but dataset '{check.DatasetRefs[key]}' has no 'label' (or use 'attack: entropy')"));
            }
        }

        if (diagnostics.Count == before && context.Datasets.TryGetValue("members", out var members) && context.Datasets.TryGetValue("non_members", out var nonMembers)
            && SameRows(members, nonMembers))
        {
            // Every non-member is also a member (the same file, or the same rows): the attack would compare a set with itself.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, check.Values.LocationOf("non_members"), string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}': the {nonMembers.Table.RowCount} non-member rows are the members' rows ({Identity(nonMembers)}), so the attack would compare a set with itself; non_members must be data the model was not trained on")));
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var attack = check.Values.String("attack");
        var fpr = check.Values.Double("fpr");
        var members = context.Datasets["members"];
        var nonMembers = context.Datasets["non_members"];
        var warnings = new List<string>();

        // A row in both sets would be scored as member and non-member at once: keep it as a member only. Scores
        // alone cannot tell a repeated sample from two samples the model scored alike, so those rows are only counted.
        var nonMemberRows = Enumerable.Range(0, nonMembers.Table.RowCount).ToList();
        var shared = SharedRows(members, nonMembers);
        if (shared.Count > 0 && Identifies(members) && Identifies(nonMembers))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{Rows(shared.Count)} of the non-members {(shared.Count == 1 ? "is" : "are")} identical to a member row ({Identity(nonMembers)}); left out of the non-members"));
            nonMemberRows.RemoveAll(shared.Contains);
        }
        else if (shared.Count > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{Rows(shared.Count)} of the non-members {(shared.Count == 1 ? "has" : "have")} the same label and scores as a member row, found nowhere else in either set; scores cannot tell whether they are the same sample, so they were kept — remove any sample that is in both sets"));
        }

        var (memberScores, memberLabels) = Scores(members, attack, Enumerable.Range(0, members.Table.RowCount));
        var (nonMemberScores, nonMemberLabels) = Scores(nonMembers, attack, nonMemberRows);
        var seed = context.CheckSeed;
        if (check.Values.Bool("balance") && memberScores.Length != nonMemberScores.Length && memberScores.Length > 0 && nonMemberScores.Length > 0)
        {
            var size = Math.Min(memberScores.Length, nonMemberScores.Length);
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"balanced by subsampling: {size} members and {size} non-members of {memberScores.Length} and {nonMemberScores.Length}"));
            var m = RowSample.Choose(memberScores.Length, size, seed ^ 1);
            var n = RowSample.Choose(nonMemberScores.Length, size, seed ^ 2);
            (memberScores, memberLabels) = ([.. m.Select(i => memberScores[i])], [.. m.Select(i => memberLabels[i])]);
            (nonMemberScores, nonMemberLabels) = ([.. n.Select(i => nonMemberScores[i])], [.. n.Select(i => nonMemberLabels[i])]);
        }

        if (check.Values.Bool("per_class"))
        {
            (memberScores, nonMemberScores) = PerClass(memberScores, memberLabels, nonMemberScores, nonMemberLabels, warnings);
        }

        // Warn only about the rate the policy asked for; the 0.001 detail is simply left out when it cannot be resolved.
        if (nonMemberScores.Length * fpr < 1)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"TPR at FPR {fpr} needs at least {Math.Ceiling(1 / fpr)} non-members to resolve a false positive rate that small; there are {nonMemberScores.Length}, so it is the TPR at FPR 0"));
        }

        // One sort: members as the positives, highest score first. Every metric is a pass over this order.
        var ranked = RankedScores.From(memberScores, nonMemberScores);
        var values = new double[MetricNames.Length];
        Compute(ranked.Summary(fpr), values);

        // A row is its set and its attack score; identities in the sorted order the sweep reads.
        var intervals = ProbeRequirements.WeightedBootstrap(check, context.CheckSeed, () =>
        {
            var member = RowContent.Of("members");
            var nonMember = RowContent.Of("non_members");
            var contents = new ulong[ranked.Count];
            for (var i = 0; i < contents.Length; i++)
            {
                contents[i] = (ranked.IsPositive(i) ? member : nonMember).Add(ranked.Scores[i]).Hash;
            }

            return contents;
        }, MetricNames, values, (counts, _, output) => Compute(ranked.Summary(counts, fpr), output));
        // An attack that ranks members lower is still an attack (the attacker flips it): say so when the data are sure of it.
        if (intervals.FirstOrDefault(i => i.Key == "auc") is { Key: not null, Value.Upper: < 0.5 } auc)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the model ranks members lower than non-members: AUC {Numbers.Format(values[Auc])} {Numbers.Format(auc.Value)} lies entirely below 0.5, and an attacker who flips the rule gets leakage_auc {Numbers.Format(values[LeakageAuc])}; an 'auc' gate cannot see this, gate on 'leakage_auc' or 'advantage'"));
        }

        var undefined = memberScores.Length == 0 || nonMemberScores.Length == 0
            ? MetricNames.Select(m => new KeyValuePair<string, string>(m, "the attack needs at least one member and one non-member")).ToArray()
            : [];
        return new ProbeResult
        {
            Count = memberScores.Length + nonMemberScores.Length,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = intervals,
            Undefined = undefined,
            Warnings = warnings,
            Details = new JsonObject
            {
                ["attack"] = attack,
                ["per_class"] = check.Values.Bool("per_class"),
                ["fpr"] = fpr,
                ["tpr_at_fpr_0.001"] = undefined.Length > 0 || nonMemberScores.Length * 0.001 < 1 ? null : ranked.Summary(0.001).TprAtFpr,
                ["members"] = memberScores.Length,
                ["non_members"] = nonMemberScores.Length,
                ["roc"] = undefined.Length > 0 ? null : Roc.CurveForPlot(ranked),
            },
            Explain = _ => undefined.Length > 0 ? null : string.Create(CultureInfo.InvariantCulture,
                $"{attack} attack: AUC {values[Auc]:0.####} (leakage AUC {values[LeakageAuc]:0.####}), TPR {values[TprAtFpr]:0.####} at FPR ≤ {fpr} ({memberScores.Length} members, {nonMemberScores.Length} non-members); 0.5 AUC is chance"),
        };
    }

    private static void Compute(RocSummary roc, Span<double> output)
    {
        output[Auc] = roc.Auc;
        output[LeakageAuc] = Math.Max(roc.Auc, 1 - roc.Auc);
        output[TprAtFpr] = roc.TprAtFpr;
        output[Advantage] = roc.AttackerAdvantage;
    }

    private static (double[] Scores, int[] Labels) Scores(ProbeInput input, string attack, IEnumerable<int> rows)
    {
        var predictions = input.Predictions!;
        var chosen = rows.ToArray();
        var labels = chosen.Select(r => predictions.Labels.Length > 0 ? predictions.Labels[r] : 0).ToArray();
        return ([.. chosen.Select((r, i) => MembershipAttack.Score(attack, predictions.ProbabilityRow(r), predictions.LogitRow(r), labels[i]))], labels);
    }

    /// <summary>
    /// The per-class threshold attack: each score becomes its mid-rank percentile among the non-members of the same
    /// true class, so one threshold on it is a per-class threshold at the same per-class false positive rate.
    /// </summary>
    private static (double[] Members, double[] NonMembers) PerClass(double[] members, int[] memberLabels, double[] nonMembers, int[] nonMemberLabels, List<string> warnings)
    {
        var reference = nonMemberLabels.Select((label, i) => (label, score: nonMembers[i])).GroupBy(p => p.label).ToDictionary(g => g.Key, g => g.Select(p => p.score).Order().ToArray());
        var missing = memberLabels.Distinct().Where(c => !reference.ContainsKey(c)).Order().ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"per-class thresholds: no non-member has class {string.Join(", ", missing)}; those members get the middle percentile 0.5");
        }

        double Percentile(double score, int label)
        {
            if (!reference.TryGetValue(label, out var sorted))
            {
                return 0.5;
            }

            var below = sorted.Count(v => v < score);
            var equal = sorted.Count(v => v == score);
            return (below + (equal / 2.0)) / sorted.Length;
        }

        return ([.. members.Select((s, i) => Percentile(s, memberLabels[i]))], [.. nonMembers.Select((s, i) => Percentile(s, nonMemberLabels[i]))]);
    }

    /// <summary>
    /// The non-member rows identical to a member row. Text and features identify a sample; a label and scores only
    /// when the pair is unique in both sets (coarse scores repeat across different samples).
    /// </summary>
    private static HashSet<int> SharedRows(ProbeInput members, ProbeInput nonMembers)
    {
        var memberKeys = RowKeys(members);
        var keys = RowKeys(nonMembers);
        if (Identifies(members) && Identifies(nonMembers))
        {
            var set = memberKeys.ToHashSet(StringComparer.Ordinal);
            return [.. Enumerable.Range(0, keys.Length).Where(r => set.Contains(keys[r]))];
        }

        var memberCounts = memberKeys.CountBy(k => k, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var counts = keys.CountBy(k => k, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        return [.. Enumerable.Range(0, keys.Length).Where(r => counts[keys[r]] == 1 && memberCounts.GetValueOrDefault(keys[r]) == 1)];
    }

    /// <summary>The non-members are the members' rows: every one of them shared, or the same rows (in any order).</summary>
    private static bool SameRows(ProbeInput members, ProbeInput nonMembers)
    {
        if (Identifies(members) && Identifies(nonMembers) && SharedRows(members, nonMembers).Count == nonMembers.Table.RowCount)
        {
            return true;
        }

        var memberKeys = RowKeys(members).Order(StringComparer.Ordinal);
        return memberKeys.SequenceEqual(RowKeys(nonMembers).Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static string Rows(int count) => count == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{count} rows");

    private static bool Identifies(ProbeInput input) => input.Model is { } model && (model.TextColumn is not null || model.FeatureColumns.Count > 0);

    /// <summary>
    /// What makes two rows the same sample: the text or the features the model reads; for a dataset that holds its
    /// own scores, its label and scores (all the attack sees of it).
    /// </summary>
    private static string[] RowKeys(ProbeInput input)
    {
        var table = input.Table;
        if (input.Model?.TextColumn is { } text && table.Has(text))
        {
            return table.Column<TextColumn>(text).Values;
        }

        if (input.Model is { FeatureColumns.Count: > 0 } model && model.FeatureColumns.All(table.Has))
        {
            var columns = model.FeatureColumns.Select(c => table.Column<NumericColumn>(c).Values).ToArray();
            return [.. Enumerable.Range(0, table.RowCount).Select(r => string.Join(",", columns.Select(c => c[r].ToString("R", CultureInfo.InvariantCulture))))];
        }

        // The logits when there are logits: two near-certain rows can share rounded probabilities but not their logits.
        var predictions = input.Predictions!;
        return [.. Enumerable.Range(0, predictions.Count).Select(r =>
            (predictions.Labels.Length > 0 ? predictions.Classes[predictions.Labels[r]] : string.Empty) + "\u001F"
            + string.Join(",", (predictions.Logits is null ? predictions.ProbabilityRow(r) : predictions.LogitRow(r)).ToArray().Select(p => p.ToString("R", CultureInfo.InvariantCulture))))];
    }

    private static string Identity(ProbeInput input) =>
        input.Model?.TextColumn is not null ? "the same text" : input.Model is { FeatureColumns.Count: > 0 } ? "the same features" : "the same label and scores";
}
