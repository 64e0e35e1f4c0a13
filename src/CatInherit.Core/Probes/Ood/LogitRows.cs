namespace CatInherit.Probes.Ood;

/// <summary>
/// A dataset's raw logits as rows, read in place: a model's float32 outputs, or the float64 logits of the dataset's own
/// score columns (one column z is stored as [0, z]; its row here is [z], the column itself). No row is copied out.
/// </summary>
internal readonly struct LogitRows
{
    private readonly double[]? doubles;
    private readonly float[]? floats;
    private readonly int stride;
    private readonly int offset;

    private LogitRows(double[]? doubles, float[]? floats, int count, int width, int stride, int offset)
    {
        this.doubles = doubles;
        this.floats = floats;
        Count = count;
        Width = width;
        this.stride = stride;
        this.offset = offset;
    }

    public int Count { get; }

    public int Width { get; }

    public static LogitRows OfOutputs(float[] values, int rows, int width) => new(null, values, rows, width, width, 0);

    /// <summary>The logits of a prediction set built from <paramref name="columns"/> score columns (row-major, max(2, columns) wide).</summary>
    public static LogitRows OfScores(double[] logits, int rows, int columns) =>
        columns == 1 ? new(logits, null, rows, 1, 2, 1) : new(logits, null, rows, columns, columns, 0);

    /// <summary>Row <paramref name="row"/>, widened to float64, into <paramref name="target"/> (length <see cref="Width"/>).</summary>
    public void CopyRow(int row, Span<double> target)
    {
        var start = (row * stride) + offset;
        if (doubles is not null)
        {
            doubles.AsSpan(start, Width).CopyTo(target);
            return;
        }

        var source = floats.AsSpan(start, Width);
        for (var k = 0; k < source.Length; k++)
        {
            target[k] = source[k];
        }
    }
}
