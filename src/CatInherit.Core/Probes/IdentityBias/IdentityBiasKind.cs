using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.IdentityBias;

/// <summary>identity-bias: its keys, metrics, rules, needs and plots.</summary>
internal static class IdentityBiasKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "identity-bias",
        "Unintended identity-term bias (Borkan et al. 2019): per identity subgroup, the subgroup, BPSN and BNSP AUCs and the average equality gaps, summarised by the Jigsaw final bias score.",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled rows with the model's probabilities and one boolean column per identity subgroup.") { Required = true },
            new("subgroups", ValueKind.StringOrList, "The boolean identity columns (true/false or 1/0): a row belongs to each subgroup whose column is true; the rest of the rows are its background.") { Required = true },
            new("positive_label", ValueKind.String, "The class whose probability is the score (e.g. toxic, or positive sentiment).") { Default = "1" },
            new("power", ValueKind.Number, "The exponent p of the power means over subgroups (Jigsaw: −5, which weighs the worst subgroups most).") { Minimum = -50, Maximum = -1, Default = "-5" },
            new("overall_weight", ValueKind.Number, "The weight of the overall AUC in final_bias_score (Jigsaw: 0.25).") { Minimum = 0, Maximum = 1, Default = "0.25" },
        ],
        [
            new("final_bias_score", "w · overall AUC + (1 − w) · mean of the power means M_p of the subgroup, BPSN and BNSP AUCs over the subgroups with both classes.", MetricDirection.LowerIsWorse),
            new("overall_auc", "ROC AUC over every row.", MetricDirection.LowerIsWorse),
            new("min_subgroup_auc", "The lowest subgroup AUC.", MetricDirection.LowerIsWorse),
            new("min_bpsn_auc", "The lowest BPSN AUC: background positives vs subgroup negatives (low: the subgroup's negatives score like positives).", MetricDirection.LowerIsWorse),
            new("min_bnsp_auc", "The lowest BNSP AUC: subgroup positives vs background negatives (low: the subgroup's positives score like negatives).", MetricDirection.LowerIsWorse),
            new("max_abs_negative_aeg", "The largest |negative AEG| of any subgroup.", MetricDirection.HigherIsWorse),
            new("max_abs_positive_aeg", "The largest |positive AEG| of any subgroup.", MetricDirection.HigherIsWorse),
            new("subgroup_auc", "ROC AUC on the subgroup's rows, per subgroup.", MetricDirection.LowerIsWorse, Gateable: false),
            new("bpsn_auc", "ROC AUC of background positives vs subgroup negatives, per subgroup.", MetricDirection.LowerIsWorse, Gateable: false),
            new("bnsp_auc", "ROC AUC of subgroup positives vs background negatives, per subgroup.", MetricDirection.LowerIsWorse, Gateable: false),
            new("negative_aeg", "0.5 − P(background negative outscores subgroup negative), per subgroup; > 0: the subgroup's negatives score higher.", MetricDirection.Neutral, Gateable: false),
            new("positive_aeg", "0.5 − P(background positive outscores subgroup positive), per subgroup; > 0: the subgroup's positives score higher.", MetricDirection.Neutral, Gateable: false),
        ])
    {
        Taxonomy = new(Catastrophe.ValueMisalignment, Pillar.Understand),
        Rules = [rule => ProbeRequirements.LabelsAndProbabilities(rule, "identity-bias ranks the positive class's probability against the labels"), SubgroupList],
        Needs = new() { Labels = true, Probabilities = true },
        Plots = [new GroupBarsPlot(["subgroup_auc", "bpsn_auc", "bnsp_auc"])],
    };

    /// <summary>Each subgroup column named once (an empty list or a missing key is the reader's error).</summary>
    private static void SubgroupList(CheckRuleContext rule)
    {
        var subgroups = rule.Check.Values.GetStrings("subgroups");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < subgroups.Count; i++)
        {
            if (subgroups[i].Trim().Length == 0)
            {
                rule.Error(DiagnosticCodes.InvalidValue, "subgroups", i, $"{rule.Context}: subgroup {i + 1} is an empty column name");
            }
            else if (!seen.Add(subgroups[i]))
            {
                rule.Error(DiagnosticCodes.InvalidValue, "subgroups", i, $"{rule.Context}: subgroup '{subgroups[i]}' is listed twice");
            }
        }
    }
}
