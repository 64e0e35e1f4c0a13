using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Metrics;

namespace CatInherit.Probes.Interpret;

/// <summary>
/// Runs <see cref="SliceLine"/> on a <see cref="SliceTable"/> and writes what it found for reports: each slice's
/// predicates, size, errors, error rate with its Wilson interval, error ratio to the average and score, and the
/// multiple-testing note (the worst slice was picked among every slice evaluated; its Bonferroni interval over them).
/// </summary>
internal static class SliceFinder
{
    /// <summary>The search and its report.</summary>
    /// <param name="Result">What SliceLine found.</param>
    /// <param name="Table">The rows searched.</param>
    /// <param name="Options">The search's k, support, α and predicates.</param>
    /// <param name="Confidence">The level of each slice's interval.</param>
    public sealed record Found(SliceLineResult Result, SliceTable Table, SliceLineOptions Options, double Confidence)
    {
        /// <summary>The worst slice, or null when no slice of the support is worse than the average.</summary>
        public FoundSlice? Worst => Result.Top.Count > 0 ? Result.Top[0] : null;

        /// <summary>A slice in words: <c>domain = imdb and text_length = 21–40 words</c>.</summary>
        public string Describe(FoundSlice slice) =>
            string.Join(" and ", slice.Predicates.Select(p => $"{Table.Features[p.Feature].Name} = {Table.Features[p.Feature].Levels[p.Level]}"));

        /// <summary>The interval of a slice's error rate at the search's confidence.</summary>
        public Interval IntervalOf(FoundSlice slice) => Proportions.Wilson(slice.ErrorSum, slice.Size, Confidence);

        /// <summary>The confidence of the worst slice's interval adjusted for every slice evaluated (Bonferroni).</summary>
        public double AdjustedConfidence => 1 - ((1 - Confidence) / Math.Max(1, Result.Evaluated));

        /// <summary>The worst slice's Bonferroni interval over every slice evaluated.</summary>
        public Interval? AdjustedInterval => Worst is { } worst ? Proportions.Wilson(worst.ErrorSum, worst.Size, AdjustedConfidence) : null;

        /// <summary>One sentence for a check's message: the worst slice, its error and interval, and the average.</summary>
        public string? Summary => Worst is not { } worst ? null : string.Create(CultureInfo.InvariantCulture,
            $"worst slice: {Describe(worst)} (n={worst.Size}): error {Numbers.Format(worst.Error)} {Numbers.Format(IntervalOf(worst))} vs {Numbers.Format(Result.AverageError)} overall");

        /// <summary>The <c>slices</c> details of a report.</summary>
        public JsonObject ToJson()
        {
            var found = new JsonArray();
            foreach (var slice in Result.Top)
            {
                var interval = IntervalOf(slice);
                found.Add(new JsonObject
                {
                    ["slice"] = Describe(slice),
                    ["predicates"] = new JsonArray([.. slice.Predicates.Select(p => (JsonNode)new JsonObject { ["feature"] = Table.Features[p.Feature].Name, ["value"] = Table.Features[p.Feature].Levels[p.Level] })]),
                    ["size"] = slice.Size,
                    ["errors"] = slice.ErrorSum,
                    ["error"] = slice.Error,
                    ["interval"] = new JsonArray(interval.Lower, interval.Upper),
                    ["error_ratio"] = slice.Error / Result.AverageError,
                    ["score"] = slice.Score,
                });
            }

            var json = new JsonObject
            {
                ["rows"] = Result.Rows,
                ["searched"] = Table.Rows,
                ["error"] = Table.Error,
                ["average_error"] = Result.AverageError,
                ["features"] = new JsonArray([.. Table.Features.Select(f => (JsonNode)f.Name)]),
                ["k"] = Options.K,
                ["min_support"] = Options.MinSupport,
                ["alpha"] = Options.Alpha,
                ["max_predicates"] = Options.MaxPredicates,
                ["confidence"] = Confidence,
                ["evaluated"] = Result.Evaluated,
                ["pruned"] = Result.Pruned,
                ["found"] = found,
            };
            if (AdjustedInterval is { } adjusted)
            {
                json["worst_interval_adjusted"] = new JsonArray(adjusted.Lower, adjusted.Upper);
                json["adjusted_confidence"] = AdjustedConfidence;
            }

            json["multiple_testing"] = Result.Top.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"no slice of at least {Options.MinSupport} rows has an error rate above the average ({Result.Evaluated} slices evaluated)")
                : string.Create(CultureInfo.InvariantCulture,
                    $"these slices were picked as the worst of {Result.Evaluated} evaluated, so their errors are biased upward and each interval ({Numbers.Format(Confidence * 100)}%) holds for its slice alone; over all {Result.Evaluated} (Bonferroni) the worst slice's interval is {Numbers.Format(AdjustedInterval!.Value)}");
            return json;
        }
    }

    /// <summary>Searches <paramref name="table"/>.</summary>
    public static Found Find(SliceTable table, SliceLineOptions options, double confidence) =>
        new(SliceLine.Find([.. table.Features.Select(f => f.Codes)], [.. table.Features.Select(f => f.Levels.Length)], table.Errors, options), table, options, confidence);

    /// <summary>
    /// What a failing check of another kind (group-fairness, ood, corruption) gets: its worst slices with the
    /// <c>slices</c> kind's defaults, at the check's confidence; null when there are no rows.
    /// </summary>
    public static FailureDetails? ForFailure(SliceTable? table, double confidence)
    {
        if (table is null || table.Errors.Length == 0)
        {
            return null;
        }

        var found = Find(table, Slices.SlicesKind.Defaults, confidence);
        return new FailureDetails(new JsonObject { ["slices"] = found.ToJson() }, found.Summary);
    }
}
