using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.MembershipInference;

/// <summary>
/// membership-inference: a threshold attack on the model's outputs, members as the positive class.
/// auc (ties count ½), tpr_at_fpr (largest TPR with FPR ≤ fpr), advantage (max TPR − FPR). When the two
/// sets differ in size the larger is subsampled (seeded) to the smaller's size, unless balance is off.
/// </summary>
internal sealed class MembershipInferenceProbe : IProbe
{
    private static readonly string[] MetricNames = MembershipInferenceKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => MembershipInferenceKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => [];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        var attack = check.Values.String("attack");
        foreach (var key in new[] { "members", "non_members" })
        {
            if (!context.Datasets.TryGetValue(key, out var input))
            {
                continue;
            }

            if (input.Predictions?.Probabilities is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputKindMismatch, check.Values.LocationOf(key), $"check '{check.Id}': the attack reads class probabilities, but dataset '{check.DatasetRefs[key]}' has none (give it 'scores' or a model with a logits or probabilities output)"));
            }
            else if (MembershipAttack.NeedsLabel(attack) && input.Predictions.Labels.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, check.Values.LocationOf(key), $"check '{check.Id}': the '{attack}' attack needs the true label of each sample, but dataset '{check.DatasetRefs[key]}' has no 'label' (or use 'attack: entropy')"));
            }
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var attack = check.Values.String("attack");
        var fpr = check.Values.Double("fpr");
        var members = context.Datasets["members"];
        var nonMembers = context.Datasets["non_members"];
        var warnings = new List<string>();

        // A row in both sets would be scored as member and non-member at once: keep it as a member only.
        var memberTexts = Texts(members).ToHashSet(StringComparer.Ordinal);
        var nonMemberRows = Enumerable.Range(0, nonMembers.Table.RowCount).ToList();
        if (memberTexts.Count > 0)
        {
            var texts = Texts(nonMembers);
            var shared = nonMemberRows.Where(r => memberTexts.Contains(texts[r])).ToHashSet();
            if (shared.Count > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{shared.Count} non-member rows also appear among the members; they were left out of the non-members"));
                nonMemberRows.RemoveAll(shared.Contains);
            }
        }

        var (memberScores, memberLabels) = Scores(members, attack, Enumerable.Range(0, members.Table.RowCount));
        var (nonMemberScores, nonMemberLabels) = Scores(nonMembers, attack, nonMemberRows);
        var seed = context.CheckSeed;
        if ((check.Values.Bool("balance")) && memberScores.Length != nonMemberScores.Length && memberScores.Length > 0 && nonMemberScores.Length > 0)
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

        foreach (var rate in new[] { fpr, 0.001 }.Distinct())
        {
            if (nonMemberScores.Length * rate < 1)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"TPR at FPR {rate} needs at least {Math.Ceiling(1 / rate)} non-members to resolve a false positive rate that small; there are {nonMemberScores.Length}, so it is the TPR at FPR 0"));
            }
        }

        var values = new double[MetricNames.Length];
        Compute(memberScores, nonMemberScores, fpr, values);
        var intervals = ProbeRequirements.TwoSampleBootstrap(check, context.CheckSeed, memberScores.Length, nonMemberScores.Length, MetricNames, values, (m, n, output) =>
            Compute([.. m.Select(i => memberScores[i])], [.. n.Select(i => nonMemberScores[i])], fpr, output));

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
                ["tpr_at_fpr_0.001"] = undefined.Length > 0 ? null : Roc.TprAtFpr(memberScores, nonMemberScores, 0.001),
                ["members"] = memberScores.Length,
                ["non_members"] = nonMemberScores.Length,
                ["roc"] = undefined.Length > 0 ? null : Roc.CurveForPlot(memberScores, nonMemberScores),
            },
            Explain = _ => undefined.Length > 0 ? null : string.Create(CultureInfo.InvariantCulture,
                $"{attack} attack: AUC {values[0]:0.####}, TPR {values[1]:0.####} at FPR ≤ {fpr} ({memberScores.Length} members, {nonMemberScores.Length} non-members); 0.5 AUC is chance"),
        };
    }

    private static void Compute(ReadOnlySpan<double> members, ReadOnlySpan<double> nonMembers, double fpr, Span<double> output)
    {
        output[0] = Roc.Auc(members, nonMembers);
        output[1] = Roc.TprAtFpr(members, nonMembers, fpr);
        output[2] = Roc.Advantage(members, nonMembers);
    }

    private static (double[] Scores, int[] Labels) Scores(ProbeInput input, string attack, IEnumerable<int> rows)
    {
        var predictions = input.Predictions!;
        var k = predictions.Classes.Length;
        var chosen = rows.ToArray();
        var labels = chosen.Select(r => predictions.Labels.Length > 0 ? predictions.Labels[r] : 0).ToArray();
        return ([.. chosen.Select((r, i) => MembershipAttack.Score(attack, predictions.Probabilities.AsSpan(r * k, k), labels[i]))], labels);
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

    private static string[] Texts(ProbeInput input) =>
        input.Model?.TextColumn is { } column && input.Table.Has(column) ? input.Table.Column<TextColumn>(column).Values : [];
}
