using CatInherit.Probes.MembershipInference;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Probes;

public sealed class PrivacyTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    // p = (0.8, 0.2). loss = ln p_y; confidence = p_y; entropy = Σ p ln p;
    // modified entropy (Song & Mittal 2021) Mentr = −(1 − p_y) ln p_y − Σ_{i≠y} p_i ln(1 − p_i), score = −Mentr:
    //   y = 0: Mentr = −0.2 ln 0.8 − 0.2 ln 0.8 = −0.4 ln 0.8;  y = 1: Mentr = −0.8 ln 0.2 − 0.8 ln 0.2 = −1.6 ln 0.2.
    [Theory]
    [InlineData("loss", 0, -0.22314355131420976)]
    [InlineData("confidence", 0, 0.8)]
    [InlineData("entropy", 0, -0.50040242353818787)]
    [InlineData("modified-entropy", 0, -0.089257420525683875)]
    [InlineData("modified-entropy", 1, -2.5751006598945607)]
    public void Attack_scores_by_hand(string attack, int label, double expected)
    {
        Assert.Equal(-0.089257420525683875, 0.4 * Math.Log(0.8), 12);
        Assert.Equal(-2.5751006598945607, 1.6 * Math.Log(0.2), 12);
        Assert.Equal(expected, MembershipAttack.Score(attack, [0.8, 0.2], [], label), 12);

        // The same row as logits (ln 0.8, ln 0.2): log-softmax gives the same logarithms. From logits the confidence
        // attack ranks by ln p_y, which orders rows as p_y does and keeps apart what p_y would round to 1.
        var fromLogits = attack == "confidence" ? Math.Log(expected) : expected;
        Assert.Equal(fromLogits, MembershipAttack.Score(attack, [0.8, 0.2], [Math.Log(0.8), Math.Log(0.2)], label), 12);
    }

    private RunResult Membership(string members, string nonMembers, string extra = "")
    {
        folder.Write("m.csv", members);
        folder.Write("n.csv", nonMembers);
        folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              m: { path: m.csv, label: y, scores: [p], score_kind: probabilities }
              n: { path: n.csv, label: y, scores: [p], score_kind: probabilities }
            checks:
              - id: mia
                kind: membership-inference
                members: m
                non_members: n
                resamples: 0
            {{extra}}
            """);
        return PolicyRun.RunFile(folder.File("catinherit.yaml"));
    }

    [Fact]
    public void A_model_that_is_more_confident_on_members_leaks()
    {
        // Members: the true label gets 0.9, 0.8, 0.95; non-members 0.6, 0.55, 0.9 → loss scores ln p_y.
        var result = Membership("y,p\n1,0.9\n0,0.2\n1,0.95\n", "y,p\n1,0.6\n0,0.45\n1,0.9\n");

        var check = Assert.Single(result.Report!.Checks);
        double Metric(string name) => check.Metrics.Single(m => m.Name == name).Value;
        // Members' p_y: 0.9, 0.8, 0.95; non-members': 0.6, 0.55, 0.9. Pairs member > non-member: 0.9>0.6,0.55, =0.9 (½);
        // 0.8>0.6,0.55; 0.95 > all three → (2.5 + 2 + 3) / 9.
        Assert.Equal(7.5 / 9, Metric("auc"), 12);
        Assert.Equal(2.0 / 3, Metric("advantage"), 12);
        // Only the rate the policy asked for (the default 0.01) is warned about, not the 0.001 detail.
        Assert.Equal(["1 row of the non-members has the same label and scores as a member row, found nowhere else in either set; scores cannot tell whether they are the same sample, so they were kept — remove any sample that is in both sets", "TPR at FPR 0.01 needs at least 100 non-members to resolve a false positive rate that small; there are 3, so it is the TPR at FPR 0"], check.Warnings);
        Assert.Null(check.Details!["tpr_at_fpr_0.001"]);
        Assert.Equal(1.0 / 3, Metric("tpr_at_fpr"), 12);
    }

    [Fact]
    public void A_rate_the_non_members_can_resolve_gets_no_warning_about_another_rate()
    {
        // 3 non-members resolve FPR 0.5; the built-in 0.001 detail would need 1000, but the policy did not ask for it.
        var check = Assert.Single(Membership("y,p\n1,0.9\n0,0.2\n1,0.95\n", "y,p\n1,0.6\n0,0.45\n1,0.9\n", "    fpr: 0.5\n").Report!.Checks);

        Assert.DoesNotContain(check.Warnings, w => w.Contains("TPR at FPR", StringComparison.Ordinal));
        Assert.Null(check.Details!["tpr_at_fpr_0.001"]);
    }

    [Fact]
    public void The_per_class_attack_thresholds_each_class_separately()
    {
        // The loss attack ranks by p_y. Members' p_y: 0.95, 0.97 (class 1), 0.65, 0.70 (class 0); non-members': 0.90, 0.92,
        // 0.55, 0.60. Globally the class-0 members lose to the class-1 non-members: 12 of 16 pairs, AUC 0.75. Within each
        // class every member beats every non-member, so ranking within the class gives AUC 1.
        const string members = "y,p\n1,0.95\n1,0.97\n0,0.35\n0,0.30\n";
        const string nonMembers = "y,p\n1,0.90\n1,0.92\n0,0.45\n0,0.40\n";

        var global = Assert.Single(Membership(members, nonMembers).Report!.Checks);
        var perClass = Assert.Single(Membership(members, nonMembers, "    per_class: true\n").Report!.Checks);

        Assert.Equal(12.0 / 16, global.Metrics.Single(m => m.Name == "auc").Value, 12);
        Assert.Equal(1.0, perClass.Metrics.Single(m => m.Name == "auc").Value, 12);
        Assert.True(perClass.Details!["per_class"]!.GetValue<bool>());
    }

    [Fact]
    public void Unequal_sets_are_used_whole_and_balance_only_subsamples()
    {
        var members = "y,p\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"1,{0.5 + (i / 100.0)}\n"));
        var nonMembers = "y,p\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"1,{0.4 + (i / 100.0)}\n"));

        var whole = Assert.Single(Membership(members, nonMembers).Report!.Checks);
        var first = Membership(members, nonMembers, "    balance: true\n").Report!;
        var second = Membership(members, nonMembers, "    balance: true\n").Report!;

        // Every row by default: AUC, TPR at FPR and the advantage do not depend on the set sizes.
        Assert.Equal(50, whole.Count);
        Assert.DoesNotContain(whole.Warnings, w => w.StartsWith("balanced", StringComparison.Ordinal));
        Assert.Equal(20, Assert.Single(first.Checks).Count);
        Assert.Contains("balanced by subsampling: 10 members and 10 non-members of 40 and 10", first.Checks[0].Warnings);
        Assert.Equal(ReportWriters.ToText(first, new JsonReportWriter()), ReportWriters.ToText(second, new JsonReportWriter()));

        // Here every member outscores every non-member, so the subsample changes the sample and not the numbers.
        Assert.Equal(whole.Metrics.Select(m => m.Value), first.Checks[0].Metrics.Select(m => m.Value));
    }

    [Fact]
    public void The_entropy_attack_needs_no_labels_and_the_others_do()
    {
        folder.Write("m.csv", "p\n0.9\n");
        folder.Write("n.csv", "p\n0.6\n");
        string Policy(string attack) => folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              m: { path: m.csv, scores: [p], score_kind: probabilities }
              n: { path: n.csv, scores: [p], score_kind: probabilities }
            checks:
              - { id: mia, kind: membership-inference, members: m, non_members: n, attack: {{attack}}, resamples: 0 }
            """);

        var entropy = PolicyRun.RunFile(Policy("entropy"));
        var loss = PolicyRun.RunFile(Policy("loss"));

        Assert.NotNull(entropy.Report);
        Assert.Null(loss.Report);
        Assert.Contains(loss.Diagnostics, d => d.ToString().Contains("error CAT0011: check 'mia': the 'loss' attack needs the true label of each sample, but dataset 'm' has no 'label' (or use 'attack: entropy')", StringComparison.Ordinal));
    }

    private RunResult Attribute(string data, string extra = "")
    {
        folder.Write("d.csv", data);
        folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              d: { path: d.csv, scores: [a, b], score_kind: logits }
            checks:
              - id: attr
                kind: attribute-inference
                dataset: d
                sensitive: g
                resamples: 0
            {{extra}}
            """);
        return PolicyRun.RunFile(folder.File("catinherit.yaml"));
    }

    [Fact]
    public void A_separable_attribute_is_recovered_and_a_random_one_is_not()
    {
        var random = new Random(4);
        var separable = "a,b,g\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{(i % 2 == 0 ? 2 : -2) + random.NextDouble()},{random.NextDouble()},{(i % 2 == 0 ? "f" : "m")}\n"));
        var noise = "a,b,g\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{random.NextDouble()},{random.NextDouble()},{(random.Next(2) == 0 ? "f" : "m")}\n"));

        var high = Assert.Single(Attribute(separable).Report!.Checks);
        var low = Assert.Single(Attribute(noise).Report!.Checks);

        Assert.Equal(1.0, high.Metrics.Single(m => m.Name == "accuracy").Value);
        Assert.Equal(1.0, high.Metrics.Single(m => m.Name == "auc").Value);
        Assert.InRange(low.Metrics.Single(m => m.Name == "auc").Value, 0.35, 0.65);
        Assert.Equal(0.5, high.Details!["majority_baseline_accuracy"]!.GetValue<double>());
    }

    [Fact]
    public void Too_few_rows_per_value_for_the_folds_is_invalid_input()
    {
        var result = Attribute("a,b,g\n1,0,f\n2,0,f\n3,0,m\n", "    folds: 2\n");

        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics, d => d.ToString().Contains("error CAT0015: check 'attr': value 'm' of 'g' has 1 rows, fewer than the 2 folds", StringComparison.Ordinal));
    }
}
