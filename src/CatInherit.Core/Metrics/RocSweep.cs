using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CatInherit.Metrics;

/// <summary>
/// One pass over the runs of equal scores, highest first, each with its positive and negative weight (integer counts:
/// 1 per row, or a resample's counts), giving every quantity of <see cref="RocSummary"/> in O(runs). Thresholds are the
/// distinct scores (flag a sample when its score ≥ the threshold) plus "flag nothing". Counts stay integers until each
/// quantity's final division, so the AUC is the exactly rounded Mann–Whitney value; a run of weight 0 (a score no row of
/// a resample drew) repeats the previous point and changes nothing. The precisions (and so the AUPRs, the only quantities
/// that depend on the share of positives) can count each negative as <c>negativeScale</c> rows: a resample whose two
/// samples were drawn at other sizes than the data's is read at the data's mix (see <see cref="RankedScores.Summary(ReadOnlySpan{byte}, double, bool)"/>).
/// </summary>
internal struct RocSweep
{
    private const double TprFor95 = 0.95;

    private readonly long positives;
    private readonly long negatives;
    private readonly long minNegativesFlagged;
    private readonly long maxFalsePositives;
    private readonly double negativeScale;
    private long tp;
    private long fp;
    private long aucNumerator;
    private double auprPositive;
    private double precision;
    private double auprNegative;
    private double reversedPrecision;
    private long pendingNegative;
    private double pendingPrecision;
    private long fewestPositivesFlagged;
    private long bestTp;
    private long advantage;
    private long attackerAdvantage;

    /// <param name="positives">Total positive weight.</param>
    /// <param name="negatives">Total negative weight.</param>
    /// <param name="maxFpr">The false positive rate limit of <see cref="RocSummary.TprAtFpr"/>.</param>
    /// <param name="negativeScale">What one unit of negative weight counts as in a precision (1: as a positive one).</param>
    public RocSweep(long positives, long negatives, double maxFpr, double negativeScale = 1)
    {
        this.positives = positives;
        this.negatives = negatives;
        this.negativeScale = negativeScale;
        minNegativesFlagged = SmallestAtLeast(negatives, TprFor95);
        maxFalsePositives = LargestAtMost(negatives, maxFpr);
        precision = 1;
        fewestPositivesFlagged = positives;
        reversedPrecision = Precisions(0, 0, negatives, positives, negativeScale).GetElement(1);
    }

    /// <summary>Adds the next run of equal scores (below all runs added so far).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long positiveWeight, long negativeWeight)
    {
        // Reversed orientation (negatives as the class, ranked by −score): the threshold at this run flags it and every
        // run below; its precision was computed when the run above was added.
        var negativesFlagged = negatives - fp;
        auprNegative += pendingNegative * (pendingPrecision + reversedPrecision);
        (pendingNegative, pendingPrecision) = (negativeWeight, reversedPrecision);
        if (negativesFlagged >= minNegativesFlagged)
        {
            fewestPositivesFlagged = positives - tp;
        }

        // Ties between the run's positives and negatives count one half: 2·(negatives below) + (negatives in the run).
        aucNumerator += positiveWeight * ((2 * negativesFlagged) - negativeWeight);
        tp += positiveWeight;
        fp += negativeWeight;

        // Both precisions in one division: this threshold's (positives by score) and the next run's reversed one.
        var below = negatives - fp;
        var next = Precisions(tp, fp, below, positives - tp, negativeScale);
        auprPositive += positiveWeight * (next.GetElement(0) + precision);
        precision = next.GetElement(0);
        reversedPrecision = next.GetElement(1);
        if (fp <= maxFalsePositives)
        {
            bestTp = tp;
        }

        var gap = (tp * negatives) - (fp * positives);
        advantage = Math.Max(advantage, gap);
        attackerAdvantage = Math.Max(attackerAdvantage, Math.Abs(gap));
    }

    public readonly RocSummary Finish()
    {
        if (positives == 0 || negatives == 0)
        {
            return RocSummary.Undefined;
        }

        // The reversed sweep starts at "flag nothing": recall 0, precision 1.
        var auprNegativeTotal = auprNegative + (pendingNegative * (pendingPrecision + 1));
        var pairs = (double)positives * negatives;
        return new RocSummary(
            aucNumerator / (2 * pairs),
            auprPositive / (2.0 * positives),
            auprNegativeTotal / (2.0 * negatives),
            (double)fewestPositivesFlagged / positives,
            (double)bestTp / positives,
            advantage / pairs,
            attackerAdvantage / pairs);
    }

    /// <summary>
    /// The two precisions, each 1 where nothing is flagged (the curve's starting point): tp / (tp + s·fp), and the reversed
    /// orientation's s·n / (s·n + p) for n negatives and p positives flagged, s = <paramref name="scale"/>. With s = 1 every
    /// term is an exact integer, so these are the exactly rounded unweighted precisions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Precisions(long tp, long fp, long negativesBelow, long positivesBelow, double scale)
    {
        var numerators = Vector128.Create((double)tp, negativesBelow * scale);
        var denominators = numerators + Vector128.Create(fp * scale, positivesBelow);
        var quotients = numerators / denominators;
        return Vector128.ConditionalSelect(Vector128.Equals(denominators, Vector128<double>.Zero), Vector128.Create(1.0), quotients);
    }

    /// <summary>The smallest integer t with t / n ≥ rate as doubles (the comparison the float curve would make).</summary>
    private static long SmallestAtLeast(long n, double rate)
    {
        if (n == 0)
        {
            return 0;
        }

        var t = Math.Max(0, (long)Math.Ceiling(rate * n) - 2);
        while ((double)t / n < rate)
        {
            t++;
        }

        while (t > 0 && (double)(t - 1) / n >= rate)
        {
            t--;
        }

        return t;
    }

    /// <summary>The largest integer f ≤ n with f / n ≤ rate as doubles; −1 when none (a negative rate).</summary>
    private static long LargestAtMost(long n, double rate)
    {
        if (n == 0)
        {
            return 0;
        }

        var f = Math.Min(n, (long)Math.Floor(rate * n) + 2);
        while (f >= 0 && (double)f / n > rate)
        {
            f--;
        }

        while (f < n && (double)(f + 1) / n <= rate)
        {
            f++;
        }

        return f;
    }
}
