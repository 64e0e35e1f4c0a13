using CatInherit.Policy;

namespace CatInherit.Model;

/// <summary>
/// One row of model output per dataset row: <c>Values[row * Width .. (row + 1) * Width]</c>, as ONNX Runtime wrote them
/// (float32). Every reader widens them to float64 once and computes in float64 from there.
/// </summary>
internal sealed class ModelOutputs(float[] values, int rows, int width, OutputKind kind)
{
    public float[] Values { get; } = values;

    public int Rows { get; } = rows;

    public int Width { get; } = width;

    public OutputKind Kind { get; } = kind;

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Width, Width);

    /// <summary>Every row as doubles (features for the probes that fit on outputs: WEAT, OOD, attribute inference).</summary>
    public double[][] ToRows() =>
        [.. Enumerable.Range(0, Rows).Select(r =>
        {
            var row = new double[Width];
            Widen(Row(r), row);
            return row;
        })];

    /// <summary>Class probabilities of one row into <paramref name="target"/> (length max(2, Width)), in float64: softmax of logits, sigmoid of one logit, or the probabilities as they are.</summary>
    public void Probabilities(int row, Span<double> target)
    {
        Span<double> scores = stackalloc double[Width];
        Widen(Row(row), scores);
        Metrics.Probability.FromScores(scores, Kind == OutputKind.Logits, target);
    }

    /// <summary>The predicted class of every row (argmax of the outputs — the logits or the probabilities; the lowest index wins a tie).</summary>
    public int[] Predicted()
    {
        var scores = new double[Width];
        var row = new double[Math.Max(2, Width)];
        var result = new int[Rows];
        for (var r = 0; r < Rows; r++)
        {
            Widen(Row(r), scores);
            if (Kind == OutputKind.Logits)
            {
                Metrics.Probability.LogitRow(scores, row);
            }
            else
            {
                Metrics.Probability.FromScores(scores, logits: false, row);
            }

            result[r] = Metrics.Probability.ArgMax(row);
        }

        return result;
    }

    private static void Widen(ReadOnlySpan<float> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i];
        }
    }
}
