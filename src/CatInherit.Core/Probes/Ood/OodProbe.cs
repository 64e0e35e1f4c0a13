using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes.Ood;

/// <summary>
/// ood: how well the model's own scores separate its in-distribution data (<c>dataset</c>) from another
/// (<c>ood</c>), with OpenOOD v1.5's metrics; and, when both are labelled, how much accuracy falls.
/// </summary>
internal sealed class OodProbe : IProbe
{
    private static readonly string[] MetricNames = OodKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => OodKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => [];

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        var score = check.Values.String("score");
        foreach (var key in new[] { "dataset", "ood" })
        {
            if (!context.Datasets.TryGetValue(key, out var input))
            {
                continue;
            }

            var dataset = DatasetOf(check, context, key);
            var missing = score switch
            {
                "msp" when input.Predictions?.HasProbabilities != true => "class probabilities (scores or a classifier model)",
                "max_logit" or "energy" when dataset is null || OodScores.Logits(input, dataset) is null => "raw logits (a model output of kind logits, or scores with score_kind: logits)",
                "mahalanobis" or "knn" when input.Outputs is null => "model outputs to use as features (feed the dataset to a model, e.g. an embedding output)",
                _ => null,
            };
            if (missing is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputKindMismatch, check.Values.LocationOf(key), $"check '{check.Id}': the '{score}' score needs {missing}, which dataset '{check.DatasetRefs[key]}' does not have"));
            }
        }

        if (score is "mahalanobis" or "knn")
        {
            if (!check.Values.Has("fit"))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, check.Values.LocationOf("score"), $"check '{check.Id}': the '{score}' score is fitted on in-distribution samples; add 'fit: <dataset>' (a labelled dataset for mahalanobis)"));
            }
            else if (context.Datasets.TryGetValue("fit", out var fit))
            {
                if (fit.Outputs is null)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputKindMismatch, check.Values.LocationOf("fit"), $"check '{check.Id}': fit dataset '{check.DatasetRefs["fit"]}' needs model outputs (feed it to the same model as the others)"));
                }
                else if (score == "mahalanobis" && (fit.Predictions is not { } p || p.Labels.Length == 0))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, check.Values.LocationOf("fit"), $"check '{check.Id}': mahalanobis fits one mean per class, but fit dataset '{check.DatasetRefs["fit"]}' has no 'label'"));
                }
                else if (context.Datasets.TryGetValue("dataset", out var id) && id.Outputs is { } o && o.Width != fit.Outputs.Width)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputKindMismatch, check.Values.LocationOf("fit"), string.Create(CultureInfo.InvariantCulture, $"check '{check.Id}': fit dataset '{check.DatasetRefs["fit"]}' has {fit.Outputs.Width} features per row but dataset '{check.Dataset}' has {o.Width}; feed them to the same model")));
                }
            }
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var score = check.Values.String("score");
        var id = context.Datasets["dataset"];
        var ood = context.Datasets["ood"];
        double[] Scores(ProbeInput input, string key) => score switch
        {
            "max_logit" => OodScores.MaxLogit(OodScores.Logits(input, DatasetOf(check, context, key)!)!.Value),
            "energy" => OodScores.Energy(OodScores.Logits(input, DatasetOf(check, context, key)!)!.Value, check.Values.Double("temperature")),
            "mahalanobis" => OodScores.Mahalanobis(OodScores.Features(context.Datasets["fit"])!, context.Datasets["fit"].Predictions!.Labels, OodScores.Features(input)!),
            "knn" => OodScores.Knn(OodScores.Features(context.Datasets["fit"])!, OodScores.Features(input)!, check.Values.Int("k")),
            _ => OodScores.Msp(input),
        };

        var inScores = Scores(id, "dataset");
        var outScores = Scores(ood, "ood");
        var inCorrect = Correct(id);
        var outCorrect = Correct(ood);

        // One sort: in-distribution as the positives, highest score first. Every metric is a pass over this order.
        var ranked = RankedScores.From(inScores, outScores);
        // Per position: bit 0 in-distribution, bit 1 the model got the row right. Read without a branch per row (which of the
        // two a position holds is a coin flip no predictor guesses).
        var at = new byte[ranked.Count];
        for (var i = 0; i < at.Length; i++)
        {
            var row = ranked.Rows[i];
            var inside = row < inScores.Length;
            var correct = inside ? inCorrect?[row] : outCorrect?[row - inScores.Length];
            at[i] = (byte)((inside ? 1 : 0) | (correct == true ? 2 : 0));
        }

        var values = new double[MetricNames.Length];
        void Compute(RocSummary roc, ReadOnlySpan<byte> counts, Span<double> output)
        {
            output[0] = roc.Auc;
            output[1] = roc.AuprPositive;
            output[2] = roc.AuprNegative;
            output[3] = roc.NegativeFprAt95Tpr;
            long total = 0, inWeight = 0, inHits = 0, outHits = 0;
            if (inCorrect is not null || outCorrect is not null)
            {
                for (var i = 0; i < at.Length; i++)
                {
                    long c = counts.IsEmpty ? 1 : counts[i];
                    var f = at[i];
                    long inside = -(f & 1);
                    long hit = c & -((f >> 1) & 1);
                    total += c;
                    inWeight += c & inside;
                    inHits += hit & inside;
                    outHits += hit & ~inside;
                }
            }

            var outWeight = total - inWeight;
            output[4] = inCorrect is null || inWeight == 0 ? double.NaN : (double)inHits / inWeight;
            output[5] = outCorrect is null || outWeight == 0 ? double.NaN : (double)outHits / outWeight;
            output[6] = output[4] - output[5];
        }

        Compute(ranked.Summary(), [], values);

        // A row is its sample, its score and whether the model got it right; identities in the sorted order the sweep reads.
        // The two samples' sizes vary from resample to resample; the AUPRs read each resample at the data's mix of the two.
        var intervals = ProbeRequirements.WeightedBootstrap(check, context.CheckSeed, () =>
        {
            var inside = RowContent.Of("in");
            var outside = RowContent.Of("out");
            var contents = new ulong[ranked.Count];
            for (var i = 0; i < contents.Length; i++)
            {
                contents[i] = (ranked.IsPositive(i) ? inside : outside).Add(ranked.Scores[i]).Add((at[i] & 2) != 0).Hash;
            }

            return contents;
        }, MetricNames, values, (counts, _, output) => Compute(ranked.Summary(counts, atDataMix: true), counts, output));

        // Each accuracy is undefined only when its own dataset lacks labels or predictions: a labelled
        // in-distribution set keeps its accuracy_in even when the OOD set has no labels.
        var undefined = new List<KeyValuePair<string, string>>();
        if (inCorrect is null)
        {
            undefined.Add(new("accuracy_in", Lacking(check, "dataset", id)));
        }

        if (outCorrect is null)
        {
            undefined.Add(new("accuracy_out", Lacking(check, "ood", ood)));
        }

        if (inCorrect is null || outCorrect is null)
        {
            undefined.Add(new("accuracy_drop", $"accuracy_drop needs labels and predictions on both datasets ({string.Join("; ", undefined.Select(u => u.Value))})"));
        }

        return new ProbeResult
        {
            Count = inScores.Length + outScores.Length,
            Metrics = [.. MetricNames.Select((n, m) => new KeyValuePair<string, double>(n, values[m]))],
            Intervals = intervals,
            Undefined = undefined,
            Details = new JsonObject
            {
                ["score"] = score,
                ["in_distribution"] = inScores.Length,
                ["out_of_distribution"] = outScores.Length,
                ["mean_score_in"] = inScores.Average(),
                ["mean_score_out"] = outScores.Average(),
                ["roc"] = Roc.CurveForPlot(ranked),
            },
            Explain = _ => string.Create(CultureInfo.InvariantCulture, $"{score} separates {check.Dataset} (n={inScores.Length}) from {check.DatasetRefs["ood"]} (n={outScores.Length}) with AUROC {values[0]:0.####}; FPR at 95% TPR {values[3]:0.####}"),
        };
    }

    private static DatasetSpec? DatasetOf(CheckSpec check, ProbeContext context, string key) =>
        context.Datasets.TryGetValue(key, out _) ? context.Policy?.FindDataset(check.DatasetRefs[key]) : null;

    /// <summary>Why a dataset has no accuracy: no labels, no class predictions (an embedding model gives none), or both.</summary>
    private static string Lacking(CheckSpec check, string key, ProbeInput input)
    {
        var name = check.DatasetRefs[key];
        var noPredictions = input.Model is { OutputKind: OutputKind.Embedding } model ? $"model '{model.Name}' gives it an embedding, not class predictions" : "it has no class predictions";
        return (input.Predictions is { Labels.Length: > 0 }, input.Predictions is { Predicted.Length: > 0 }) switch
        {
            (false, false) => $"dataset '{name}' has no labels, and {noPredictions}",
            (false, true) => $"dataset '{name}' has no labels",
            _ => $"dataset '{name}': {noPredictions}",
        };
    }

    private static bool[]? Correct(ProbeInput input) =>
        input.Predictions is { Labels.Length: > 0, Predicted.Length: > 0 } p ? [.. p.Labels.Select((y, i) => y == p.Predicted[i])] : null;
}
