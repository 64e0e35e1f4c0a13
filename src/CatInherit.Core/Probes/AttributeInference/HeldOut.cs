using CatInherit.Metrics;

namespace CatInherit.Probes.AttributeInference;

/// <summary>
/// The held-out probabilities of the attribute's values with its true values: accuracy of the argmax, and the AUC (binary:
/// of P(second value); more values: the mean of one-vs-rest AUCs), each value's scores sorted once.
/// </summary>
internal sealed class HeldOut
{
    private readonly double[][] probabilities;
    private readonly int[] y;
    private readonly int classes;
    private readonly (ScoreOrder Order, byte[] Cells)[] oneVsRest;

    public HeldOut(double[][] probabilities, int[] y, int classes)
    {
        this.probabilities = probabilities;
        this.y = y;
        this.classes = classes;
        oneVsRest = [.. Enumerable.Range(classes == 2 ? 1 : 0, classes == 2 ? 1 : classes).Select(c =>
            (ScoreOrder.From([.. probabilities.Select(p => p[c])]), y.Select(v => (byte)(v == c ? 0 : 1)).ToArray()))];
    }

    /// <summary>Metrics 0 (auc) and 1 (accuracy) over every row drawn <paramref name="counts"/>[i] times (empty: once).</summary>
    public void Compute(ReadOnlySpan<byte> counts, Span<double> output)
    {
        long correct = 0, total = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var p = probabilities[i];
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (p[c] > p[best])
                {
                    best = c;
                }
            }

            var weight = counts.IsEmpty ? 1 : counts[i];
            total += weight;
            correct += best == y[i] ? weight : 0;
        }

        output[1] = total == 0 ? double.NaN : (double)correct / total;
        Span<double> auc = stackalloc double[1];
        double sum = 0;
        foreach (var (order, cells) in oneVsRest)
        {
            order.Aucs(cells, 2, counts, [(0, 1)], auc);
            sum += auc[0];
        }

        output[0] = sum / oneVsRest.Length;
    }
}
