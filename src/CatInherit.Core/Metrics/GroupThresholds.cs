namespace CatInherit.Metrics;

/// <summary>
/// Deterministic per-group thresholds: a row is predicted positive when its positive-class score is greater than its
/// group's threshold. Among all thresholds per group, finds the choice with the most correct predictions on the fit
/// set whose rates (selection rate for demographic parity, true positive rate for equal opportunity) differ by at most
/// <c>max</c> between groups. Exact: the best choice has its smallest rate equal to some group's achievable rate r, so
/// for each such r every group independently takes its most accurate threshold with a rate in [r, r + max].
/// Candidate thresholds lie halfway between consecutive distinct scores (plus one below all and one above all), so a
/// float32 graph that recomputes the scores makes the same decisions.
/// </summary>
public static class GroupThresholds
{
    /// <summary>Searches; null when the constraint cannot be measured (a group without positives under equal opportunity).</summary>
    public static GroupThresholdResult? Search(IReadOnlyList<double> scores, IReadOnlyList<bool> positive, IReadOnlyList<int> groups, int groupCount, bool equalOpportunity, double max)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(groups);
        var perGroup = new List<Candidate[]>();
        for (var g = 0; g < groupCount; g++)
        {
            var rows = Enumerable.Range(0, scores.Count).Where(r => groups[r] == g).ToArray();
            var positives = rows.Count(r => positive[r]);
            if (rows.Length == 0 || (equalOpportunity && positives == 0))
            {
                return null;
            }

            perGroup.Add(Candidates(rows, scores, positive, equalOpportunity ? positives : rows.Length, equalOpportunity));
        }

        // Rates are ratios of small integers: compare them with a tolerance far below 1/n.
        const double slack = 1e-12;
        GroupThresholdResult? best = null;
        foreach (var low in perGroup.SelectMany(c => c.Select(x => x.Rate)).Distinct().Order())
        {
            var chosen = new Candidate[groupCount];
            var correct = 0;
            var feasible = true;
            for (var g = 0; g < groupCount && feasible; g++)
            {
                Candidate? pick = null;
                foreach (var candidate in perGroup[g])
                {
                    if (candidate.Rate >= low - slack && candidate.Rate <= low + max + slack && (pick is null || candidate.Correct > pick.Value.Correct))
                    {
                        pick = candidate;
                    }
                }

                if (pick is null)
                {
                    feasible = false;
                }
                else
                {
                    chosen[g] = pick.Value;
                    correct += pick.Value.Correct;
                }
            }

            if (feasible && (best is null || correct > best.Correct))
            {
                best = new GroupThresholdResult([.. chosen.Select(c => c.Threshold)], [.. chosen.Select(c => c.Rate)], correct, (double)correct / scores.Count, chosen.Max(c => c.Rate) - chosen.Min(c => c.Rate));
            }
        }

        return best;
    }

    /// <summary>Every distinct decision of one group: the threshold, its rate and how many of the group's rows it gets right, from accepting all to accepting none.</summary>
    private static Candidate[] Candidates(int[] rows, IReadOnlyList<double> scores, IReadOnlyList<bool> positive, int denominator, bool equalOpportunity)
    {
        var sorted = rows.OrderByDescending(r => scores[r]).ToArray();
        var distinct = sorted.Select(r => scores[r]).Distinct().ToArray();  // descending
        var result = new List<Candidate>();
        var accepted = 0;
        var acceptedPositives = 0;
        var negatives = rows.Count(r => !positive[r]);
        var i = 0;

        // Accept none (threshold above every score), then lower the threshold past one distinct score at a time.
        result.Add(new Candidate(distinct[0] + 1, 0, negatives));
        for (var d = 0; d < distinct.Length; d++)
        {
            while (i < sorted.Length && scores[sorted[i]] == distinct[d])
            {
                accepted++;
                acceptedPositives += positive[sorted[i]] ? 1 : 0;
                i++;
            }

            var threshold = d + 1 < distinct.Length ? (distinct[d] + distinct[d + 1]) / 2 : distinct[d] - 1;
            var rate = (double)(equalOpportunity ? acceptedPositives : accepted) / denominator;
            var correct = acceptedPositives + (negatives - (accepted - acceptedPositives));
            result.Add(new Candidate(threshold, rate, correct));
        }

        return [.. result];
    }

    private readonly record struct Candidate(double Threshold, double Rate, int Correct);
}
