using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Calibration;

/// <summary>calibration: its keys, metrics, rules, needs and plots.</summary>
internal static class CalibrationKind
{
    public static CheckKindDescriptor Descriptor { get; } = new(
        "calibration",
        "Do the model's probabilities mean what they say? Expected calibration error and Brier score.",
        [
            new("dataset", ValueKind.DatasetRef, "Labelled samples with probabilities.") { Required = true },
            new("bins", ValueKind.Integer, "Equal-width confidence bins (lo, hi] for ECE.") { Minimum = 1, Maximum = 1000, Default = "15" },
        ],
        [
            new("ece", "Σ over bins |B|/n · |accuracy(B) − mean confidence(B)| of the top-label confidence.", MetricDirection.HigherIsWorse),
            new("brier", "Mean over samples of Σ_k (p_k − y_k)².", MetricDirection.HigherIsWorse),
        ])
    {
        Taxonomy = new(Catastrophe.DegradedPerformance, Pillar.Understand),
        Rules = [rule => ProbeRequirements.LabelsAndProbabilities(rule, "calibration compares predicted probabilities with outcomes")],
        Needs = new() { Labels = true, Probabilities = true },
    };
}
