namespace CatInherit.Policy.Schema;

/// <summary>
/// The mitigation methods this release implements, as data: the loader, the JSON Schema and <c>catinherit validate</c>
/// read them here; <c>CatInherit.Mitigation</c> implements each one.
/// </summary>
public static class MitigationMethods
{
    /// <summary>The built-in word-pair lists <c>project: pairs:</c> accepts (the counterfactual kind's swap lists).</summary>
    public static IReadOnlyList<string> BuiltInPairs { get; } = ["gender-terms", "names", "gender"];

    /// <summary>The built-in WEAT tests whose two target sets <c>project: targets:</c> accepts.</summary>
    public static IReadOnlyList<string> BuiltInTargets { get; } = ["weat1", "weat2", "weat6", "weat7", "weat8", "identity-sexuality", "identity-religion", "identity-ethnicity", "identity-disability-age"];

    /// <summary>Keys every mitigation understands.</summary>
    public static IReadOnlyList<KeySpec> CommonKeys { get; } =
    [
        new("id", ValueKind.String, "Unique id; names the mitigated model's file and its section of the report.") { Required = true },
        new("method", ValueKind.Enum, "temperature, project, thresholds or abstain.") { Required = true },
        new("model", ValueKind.StringOrList, "The model (or models) whose graph is edited; default: the only model. Each gets its own fit and its own file."),
        new("fit", ValueKind.DatasetRef, "The dataset the mitigation is fitted on. No gated check may read it (nor rows of the same file that a 'where' does not keep apart)."),
    ];

    /// <summary>Temperature scaling (Guo et al. 2017).</summary>
    public static MitigationMethodDescriptor Temperature { get; } = new(
        "temperature",
        "Temperature scaling (Guo et al. 2017): divides the logits by one temperature T fitted by minimising the negative log-likelihood on the fit set (a 1-D search on log T); 'vector: true' fits a scale and a bias per class instead.",
        [
            new("vector", ValueKind.Boolean, "Vector scaling: logits × w + b with one w and one b per class, fitted on the same NLL.") { Default = "false" },
            new("logits", ValueKind.String, "The graph tensor holding the logits. Default: the model's output when it holds logits, else the input of the Softmax that produces its probabilities."),
        ])
    {
        Rules = [NeedsFit, LogitsOrSoftmax],
    };

    /// <summary>A bias-subspace projection (Bolukbasi et al. 2016's hard debias, as in INLP and LEACE: a linear projection).</summary>
    public static MitigationMethodDescriptor Project { get; } = new(
        "project",
        "Projects a bias subspace out of the model's pooled embedding: x − xUUᵀ, with U the top 'k' principal directions of the differences between the embeddings of paired words (Bolukbasi et al. 2016). Layers after the embedding (a classifier head) read the projected embedding.",
        [
            new("pairs", ValueKind.NameOrMap, "Word pairs that differ only in the attribute: a built-in list (gender-terms, names, gender) or { from: file, to: file } with aligned lines.") { AllowedValues = BuiltInPairs, Keys = [new("from", ValueKind.Path, "One word per line.") { Required = true }, new("to", ValueKind.Path, "The counterpart of each 'from' line.") { Required = true }] },
            new("targets", ValueKind.Enum, "A built-in WEAT test whose two target sets (e.g. weat6's male and female names) are paired in order.") { AllowedValues = BuiltInTargets },
            new("embedding", ValueKind.String, "The graph tensor holding the pooled (or token) embedding. Default: the model's output when it is an embedding."),
            new("k", ValueKind.Integer, "How many directions to project out.") { Minimum = 1, Maximum = 64, Default = "1" },
            new("normalize", ValueKind.Boolean, "L2-normalise the projected embedding again (Bolukbasi's 'neutralize' step); only for a pooled [batch, dim] tensor.") { Default = "false" },
        ])
    {
        NeedsLabels = false,
        OneOf = [["pairs", "targets"]],
        Rules = [NoFitForProject, EmbeddingTensor],
    };

    /// <summary>Per-group decision thresholds (deterministic post-processing, as fairlearn's ThresholdOptimizer with hard thresholds).</summary>
    public static MitigationMethodDescriptor Thresholds { get; } = new(
        "thresholds",
        "Per-group thresholds on the positive-class probability that meet a fairness constraint on the fit set while maximising its accuracy. A model gains an int64 'group' input and a 'decision' output; precomputed scores get a thresholds JSON and corrected predictions CSV.",
        [
            new("sensitive", ValueKind.String, "The column holding each row's group.") { Required = true },
            new("constraint", ValueKind.Enum, "demographic_parity: selection rates within 'max' of each other; equal_opportunity: true positive rates within 'max'.") { Required = true, AllowedValues = ["demographic_parity", "equal_opportunity"] },
            new("max", ValueKind.Number, "The largest difference (max − min over groups) the constraint allows on the fit set.") { Required = true, Minimum = 0, Maximum = 1 },
            new("positive_label", ValueKind.String, "The class a threshold decides for.") { Default = "1" },
        ])
    {
        EditsModel = false,
        Rules = [NeedsFit, ScoresOrModel],
    };

    /// <summary>Abstention on out-of-distribution inputs.</summary>
    public static MitigationMethodDescriptor Abstain { get; } = new(
        "abstain",
        "Abstains when an out-of-distribution score (msp or energy) falls below a threshold that keeps 'tpr' of the fit set's rows: the graph gains a boolean 'abstain' output; the report shows accuracy on accepted rows and the abstention rate per dataset.",
        [
            new("score", ValueKind.Enum, "msp: the largest softmax probability; energy: T·logsumexp(logits/T).") { AllowedValues = ["msp", "energy"], Default = "msp" },
            new("tpr", ValueKind.Number, "The share of the fit set's (in-distribution) rows to accept.") { Minimum = 0, Maximum = 1, Exclusive = true, Default = "0.95" },
            new("temperature", ValueKind.Number, "T of the energy score.") { Minimum = 0, Exclusive = true, Default = "1" },
        ])
    {
        NeedsLabels = false,
        Rules = [NeedsFit, LogitsOrSoftmax],
    };

    /// <summary>Every method, in documentation order.</summary>
    public static IReadOnlyList<MitigationMethodDescriptor> All { get; } = [Temperature, Project, Thresholds, Abstain];

    /// <summary>Finds a method by name.</summary>
    public static MitigationMethodDescriptor? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    private static void NeedsFit(MitigationRuleContext rule)
    {
        if (rule.Mitigation.Fit is null && !rule.Mitigation.Values.Has("fit"))
        {
            rule.Error(DiagnosticCodes.MissingKey, "fit", $"{rule.Context} needs 'fit: <dataset>', the rows it is fitted on (a dataset no gated check reads)");
        }
    }

    private static void NoFitForProject(MitigationRuleContext rule)
    {
        if (rule.Mitigation.Values.Has("fit"))
        {
            rule.Error(DiagnosticCodes.InvalidValue, "fit", $"{rule.Context} is fitted on its word pairs ('pairs' or 'targets'), not on a dataset; remove 'fit'");
        }
    }

    /// <summary>Temperature and abstain read logits: an embedding output has none, unless 'logits' names a tensor.</summary>
    private static void LogitsOrSoftmax(MitigationRuleContext rule)
    {
        foreach (var model in rule.Mitigation.Models.Where(m => m.OutputKind == OutputKind.Embedding && !rule.Mitigation.Values.Has("logits")))
        {
            rule.Error(DiagnosticCodes.NoLogits, "model", $"{rule.Context}: model '{model.Name}' outputs an embedding ('{model.OutputName}'), so there are no logits to {(rule.Mitigation.Method == "abstain" ? "score" : "scale")}; point it at a classifier{(rule.Mitigation.Method == "temperature" ? " or name the logits tensor with 'logits:'" : string.Empty)}");
        }
    }

    private static void EmbeddingTensor(MitigationRuleContext rule)
    {
        foreach (var model in rule.Mitigation.Models.Where(m => m.OutputKind != OutputKind.Embedding && !rule.Mitigation.Values.Has("embedding")))
        {
            rule.Error(DiagnosticCodes.NoEmbeddingTensor, "model", $"{rule.Context}: model '{model.Name}' outputs {model.OutputKind.ToString().ToLowerInvariant()} ('{model.OutputName}'); name the pooled embedding the head reads with 'embedding: <tensor>' (e.g. sentence_embedding)");
        }

        if (rule.Mitigation.Models.Count == 0)
        {
            rule.Error(DiagnosticCodes.MitigationModel, "model", $"{rule.Context} edits a model's graph, but the policy declares no model");
        }
    }

    private static void ScoresOrModel(MitigationRuleContext rule)
    {
        if (rule.Mitigation.Fit is { } fit && rule.Mitigation.Models.Count == 0 && fit.Scores.Count == 0)
        {
            rule.Error(DiagnosticCodes.MitigationModel, "fit", $"{rule.Context} needs positive-class probabilities: dataset '{fit.Name}' has no 'scores' and the policy no model to compute them");
        }

        foreach (var model in rule.Mitigation.Models.Where(m => m.OutputKind == OutputKind.Embedding))
        {
            rule.Error(DiagnosticCodes.NoLogits, "model", $"{rule.Context}: model '{model.Name}' outputs an embedding ('{model.OutputName}'), not class scores to threshold");
        }
    }
}
