using CatInherit.Running;
using CatInherit.Tests.Support;
using static CatInherit.Tests.Hardening.HardeningRun;

namespace CatInherit.Tests.Hardening;

/// <summary>Members and non-members that are the same rows are caught for every dataset type, not only text.</summary>
public sealed class MembershipOverlapTests : IDisposable
{
    private const string Scores = "y,p\n1,0.91\n0,0.12\n1,0.77\n0,0.35\n1,0.66\n";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private RunResult Membership(string members, string nonMembers, string modelSection = "", string datasets = "scores: [p], score_kind: probabilities") => Run(folder, $$"""
        version: 1
        {{modelSection}}
        datasets:
          m: { path: m.csv, label: y, {{datasets}} }
          n: { path: n.csv, label: y, {{datasets}} }
        checks:
          - { id: mia, kind: membership-inference, members: m, non_members: n, attack: confidence, resamples: 0, gate: { metric: auc, max: 0.9 } }
        """, Text("m.csv", members), Text("n.csv", nonMembers));

    private string[] Problems(RunResult result) =>
        [.. result.Diagnostics.Select(d => d.ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))];

    [Fact]
    public void Score_only_sets_with_the_same_rows_are_an_error()
    {
        var reordered = "y,p\n" + string.Join("\n", Scores.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Reverse()) + "\n";

        Assert.Equal(
            ["catinherit.yaml(7,69): error CAT0013: check 'mia': the 5 non-member rows are the members' rows (the same label and scores), so the attack would compare a set with itself; non_members must be data the model was not trained on"],
            Problems(Membership(Scores, reordered)));
    }

    [Fact]
    public void Score_only_rows_shared_by_both_sets_are_counted_and_kept()
    {
        var check = Assert.Single(Membership(Scores, "y,p\n1,0.91\n0,0.4\n1,0.5\n").Report!.Checks);

        Assert.Equal(3, check.Details!["non_members"]!.GetValue<int>());
        Assert.Contains("1 row of the non-members has the same label and scores as a member row, found nowhere else in either set; scores cannot tell whether they are the same sample, so they were kept — remove any sample that is in both sets", check.Warnings);
    }

    [Fact]
    public void Coarse_scores_that_repeat_within_a_set_do_not_count_as_the_same_sample()
    {
        var check = Assert.Single(Membership("y,p\n1,0.9\n1,0.9\n0,0.1\n0,0.2\n", "y,p\n1,0.9\n0,0.3\n1,0.6\n0,0.2\n0,0.2\n").Report!.Checks);

        Assert.DoesNotContain(check.Warnings, w => w.Contains("same label and scores", StringComparison.Ordinal));
    }

    [Fact]
    public void Feature_rows_fed_to_a_model_are_matched_by_their_features_and_left_out_of_the_non_members()
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        const string Model = "model: { path: linear.onnx, provider: cpu, cache: false, inputs: { features: [a, b, c] }, output: { name: logits, kind: logits } }";
        var members = "a,b,c,y\n1,0,0,0\n0,1,0,1\n0,0,1,1\n";

        var shared = Assert.Single(Membership(members, "a,b,c,y\n0,1,0,1\n2,0,0,0\n", Model, "model: model").Report!.Checks);
        var same = Problems(Membership(members, members, Model, "model: model"));

        Assert.Equal(1, shared.Details!["non_members"]!.GetValue<int>());
        Assert.Contains("1 row of the non-members is identical to a member row (the same features); left out of the non-members", shared.Warnings);
        Assert.Equal(["catinherit.yaml(7,69): error CAT0013: check 'mia': the 3 non-member rows are the members' rows (the same features), so the attack would compare a set with itself; non_members must be data the model was not trained on"], same);
    }
}
