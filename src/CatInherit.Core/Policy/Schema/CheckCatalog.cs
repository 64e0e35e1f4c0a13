namespace CatInherit.Policy.Schema;

/// <summary>The check kinds this release implements, and those the contract names for later releases.</summary>
public static class CheckCatalog
{
    /// <summary>The group-fairness kind (fairlearn conventions).</summary>
    public static CheckKindDescriptor GroupFairness { get; } = new(
        "group-fairness",
        "Compares selection rate, accuracy, TPR and FPR across groups defined by sensitive columns (fairlearn conventions).",
        [
            new("dataset", ValueKind.DatasetRef, "The dataset with labels and predictions.") { Required = true },
            new("sensitive", ValueKind.StringOrList, "The sensitive column, or several columns for intersectional groups.") { Required = true },
            new("positive_label", ValueKind.String, "The label that counts as positive.") { Default = "1" },
            new("min_group_size", ValueKind.Integer, "Groups with fewer rows are reported, excluded from the metrics, and warned about.") { Minimum = 1, Default = "1" },
        ],
        [
            new("accuracy", "Overall accuracy over the included groups."),
            new("demographic_parity_difference", "Largest minus smallest selection rate across groups."),
            new("demographic_parity_ratio", "Smallest over largest selection rate."),
            new("equal_opportunity_difference", "Largest minus smallest true positive rate."),
            new("equal_opportunity_ratio", "Smallest over largest true positive rate."),
            new("equalized_odds_difference", "The larger of the TPR difference and the FPR difference."),
            new("equalized_odds_ratio", "The smaller of the TPR ratio and the FPR ratio."),
            new("worst_group_accuracy", "The lowest accuracy of any group."),
            new("selection_rate", "Share of positive predictions, per group.", Gateable: false),
            new("true_positive_rate", "TP / (TP + FN), per group.", Gateable: false),
            new("false_positive_rate", "FP / (FP + TN), per group.", Gateable: false),
        ]);

    /// <summary>The counterfactual kind: swap gendered words or names, compare the model's outputs.</summary>
    public static CheckKindDescriptor Counterfactual { get; } = new(
        "counterfactual",
        "Runs each text and its twin with gendered words or names swapped through the model, and measures how much the prediction moves.",
        [
            new("dataset", ValueKind.DatasetRef, "A text dataset; texts without a swappable word are skipped."),
            new("template", ValueKind.String, "Instead of a dataset: a sentence with a {swap} placeholder (and others filled from 'fill'), e.g. \"{swap} was a great {role}.\""),
            new("fill", ValueKind.WordMap, "Words for the template's other placeholders: { role: [nurse, engineer] }, or a word-list file: { role: roles.txt }."),
            new("swap", ValueKind.NameOrMap, "A built-in list (gender-terms, names, gender) or { from: file, to: file } with aligned lines; swaps go both ways.") { Required = true, AllowedValues = ["gender-terms", "names", "gender"], Keys = [new("from", ValueKind.Path, "One word per line.") { Required = true }, new("to", ValueKind.Path, "The counterpart of each 'from' line.") { Required = true }] },
            new("positive_label", ValueKind.String, "The class whose probability change is measured.") { Default = "1" },
            new("model", ValueKind.String, "The model (a name under 'models'), when the policy has several."),
        ],
        [
            new("flip_rate", "Share of pairs whose predicted class changes."),
            new("mean_abs_delta", "Mean |P(positive | twin) − P(positive | text)|."),
            new("max_abs_delta", "Largest |P(positive | twin) − P(positive | text)|."),
        ])
    {
        NeedsPredictions = false,
        OneOf = [["dataset", "template"]],
        Requires = [("fill", "template")],
    };

    /// <summary>The embedding-association kind (WEAT, SEAT).</summary>
    public static CheckKindDescriptor EmbeddingAssociation { get; } = new(
        "embedding-association",
        "WEAT (Caliskan et al. 2017) on the model's embeddings of word sets; SEAT when the words are placed in sentence templates.",
        [
            new("test", ValueKind.Enum, "A built-in test: weat1 flowers/insects, weat2 instruments/weapons (× pleasant/unpleasant), weat6 male/female names × career/family, weat7 math/arts and weat8 science/arts × male/female terms.") { AllowedValues = ["weat1", "weat2", "weat6", "weat7", "weat8"] },
            new("targets", ValueKind.WordSets, "[X, Y]: the target sets, each a list of words or a word-list file (equal sizes)."),
            new("attributes", ValueKind.WordSets, "[A, B]: the attribute sets, each a list of words or a word-list file."),
            new("templates", ValueKind.StringOrList, "SEAT: sentence templates with {word}, or 'bleached' for May et al.'s (2019) semantically bleached templates."),
            new("permutations", ValueKind.Integer, "Exact test when C(2n, n) is at most this, else this many seeded random re-partitions.") { Minimum = 1, Maximum = 10_000_000, Default = "100000" },
            new("model", ValueKind.String, "The embedding model (a name under 'models'), when the policy has several."),
        ],
        [
            new("effect_size", "(mean_x s − mean_y s) / sample std of s over X ∪ Y, s(w) = mean cos(w, A) − mean cos(w, B)."),
            new("p_value", "One-sided permutation p-value of Σ_x s − Σ_y s."),
        ])
    {
        NeedsPredictions = false,
        OneOf = [["test", "targets"]],
        Requires = [("targets", "attributes"), ("attributes", "targets")],
    };

    /// <summary>The membership-inference kind (privacy-meter conventions).</summary>
    public static CheckKindDescriptor MembershipInference { get; } = new(
        "membership-inference",
        "A threshold attack on the model's outputs: can training members be told apart from non-members?",
        [
            new("members", ValueKind.DatasetRef, "Samples the model was trained on (labelled).") { Required = true },
            new("non_members", ValueKind.DatasetRef, "Samples from the same distribution it never saw (labelled).") { Required = true },
            new("attack", ValueKind.Enum, "loss: −cross-entropy of the true label; confidence: its probability; entropy: −entropy of the prediction; modified-entropy: Song and Mittal (2021).") { AllowedValues = ["loss", "confidence", "entropy", "modified-entropy"], Default = "loss" },
            new("fpr", ValueKind.Number, "The false positive rate tpr_at_fpr is read at.") { Minimum = 0, Maximum = 1, Exclusive = true, Default = "0.01" },
            new("balance", ValueKind.Boolean, "Subsample the larger set (seeded) to the smaller's size.") { Default = "true" },
            new("per_class", ValueKind.Boolean, "Per-class threshold attack: rank each score among the non-members of its true class, so every class gets its own threshold at the same false positive rate.") { Default = "false" },
        ],
        [
            new("auc", "ROC AUC of the attack, members positive, ties counted ½; 0.5 is chance."),
            new("tpr_at_fpr", "The largest TPR over thresholds whose FPR ≤ fpr."),
            new("advantage", "max over thresholds of TPR − FPR."),
        ])
    {
        NeedsPredictions = false,
    };

    /// <summary>The attribute-inference kind.</summary>
    public static CheckKindDescriptor AttributeInference { get; } = new(
        "attribute-inference",
        "How well a sensitive attribute can be recovered from the model's outputs by a cross-validated logistic-regression probe.",
        [
            new("dataset", ValueKind.DatasetRef, "Rows with the model's outputs (or scores) and the attribute.") { Required = true },
            new("sensitive", ValueKind.String, "The attribute column to recover.") { Required = true },
            new("folds", ValueKind.Integer, "Cross-validation folds (stratified, seeded).") { Minimum = 2, Maximum = 100, Default = "5" },
        ],
        [
            new("auc", "Held-out ROC AUC of the probe (binary attribute; macro one-vs-rest otherwise); 0.5 is chance."),
            new("accuracy", "Held-out accuracy; the report gives the majority-class baseline beside it."),
        ])
    {
        NeedsPredictions = false,
    };

    /// <summary>The ood kind (OpenOOD v1.5 conventions).</summary>
    public static CheckKindDescriptor Ood { get; } = new(
        "ood",
        "Out-of-distribution detection: how well the model's scores separate its in-distribution data from another dataset, and how much accuracy falls there.",
        [
            new("dataset", ValueKind.DatasetRef, "In-distribution samples.") { Required = true },
            new("ood", ValueKind.DatasetRef, "Out-of-distribution samples.") { Required = true },
            new("score", ValueKind.Enum, "msp: largest class probability; max_logit; energy: T·logsumexp(logits/T); mahalanobis and knn on the model's raw outputs (e.g. embeddings), fitted on 'fit'.") { AllowedValues = ["msp", "max_logit", "energy", "mahalanobis", "knn"], Default = "msp" },
            new("temperature", ValueKind.Number, "T of the energy score.") { Minimum = 0, Exclusive = true, Default = "1" },
            new("fit", ValueKind.DatasetRef, "In-distribution samples (labelled for mahalanobis) the mahalanobis and knn scores are fitted on."),
            new("k", ValueKind.Integer, "The neighbour whose distance is the knn score.") { Minimum = 1, Default = "50" },
        ],
        [
            new("auroc", "P(in-distribution score > OOD score), ties ½."),
            new("aupr_in", "Area under the precision–recall curve, in-distribution positive."),
            new("aupr_out", "Area under the precision–recall curve, OOD positive (ranked by −score)."),
            new("fpr_at_95_tpr", "Share of in-distribution samples flagged at the threshold that flags 95% of OOD samples."),
            new("accuracy_in", "Accuracy on the in-distribution dataset (when labelled)."),
            new("accuracy_out", "Accuracy on the OOD dataset (when labelled)."),
            new("accuracy_drop", "accuracy_in − accuracy_out."),
        ])
    {
        NeedsPredictions = false,
    };

    /// <summary>The corruption kind.</summary>
    public static CheckKindDescriptor Corruption { get; } = new(
        "corruption",
        "Seeded corruptions of the inputs (typos, noise, ...) at severities 1–5: how much accuracy falls and how many predictions flip.",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled samples fed to a model.") { Required = true },
            new("corruptions", ValueKind.StringList, "Text: typo, delete, insert, transpose, word_drop, case, punctuation. Numeric: gaussian_noise, salt_and_pepper, brightness, contrast, blur, pixelate (square images). Default: all that fit the model's input."),
            new("severities", ValueKind.StringList, "Severities from 1 (mild) to 5 (severe).") { Default = "[1, 2, 3, 4, 5]" },
        ],
        [
            new("clean_accuracy", "Accuracy on the uncorrupted inputs."),
            new("corrupted_accuracy", "Mean accuracy over every corruption × severity."),
            new("accuracy_drop", "clean_accuracy − corrupted_accuracy."),
            new("flip_rate", "Mean share of predictions that change from the clean prediction."),
        ]);

    /// <summary>The long-tail kind.</summary>
    public static CheckKindDescriptor LongTail { get; } = new(
        "long-tail",
        "Per-class recall: do rare classes get the recall the frequent ones get?",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled samples with predictions.") { Required = true },
            new("tail_classes", ValueKind.StringList, "The tail classes; default: the third of the classes with the fewest labelled rows."),
        ],
        [
            new("macro_recall", "Mean recall over classes."),
            new("worst_class_recall", "The lowest class recall."),
            new("tail_recall", "Mean recall over the tail classes."),
            new("per_class_recall", "Recall of each class (details).", Gateable: false),
        ]);

    /// <summary>The calibration kind.</summary>
    public static CheckKindDescriptor Calibration { get; } = new(
        "calibration",
        "Do the model's probabilities mean what they say? Expected calibration error and Brier score.",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled samples with probabilities.") { Required = true },
            new("bins", ValueKind.Integer, "Equal-width confidence bins (lo, hi] for ECE.") { Minimum = 1, Maximum = 1000, Default = "15" },
        ],
        [
            new("ece", "Σ over bins |B|/n · |accuracy(B) − mean confidence(B)| of the top-label confidence."),
            new("brier", "Mean over samples of Σ_k (p_k − y_k)²."),
        ]);

    /// <summary>Every kind this release runs.</summary>
    public static IReadOnlyList<CheckKindDescriptor> Kinds { get; } = [GroupFairness, Counterfactual, EmbeddingAssociation, Ood, Corruption, LongTail, Calibration, MembershipInference, AttributeInference];

    /// <summary>Finds an implemented kind.</summary>
    public static CheckKindDescriptor? Find(string name) => Kinds.FirstOrDefault(k => k.Name == name);
}
