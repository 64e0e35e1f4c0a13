using CatInherit.Policy;

namespace CatInherit.Model;

/// <summary>One row of model output per dataset row: <c>Values[row * Width .. (row + 1) * Width]</c>.</summary>
internal sealed class ModelOutputs(float[] values, int rows, int width, OutputKind kind)
{
    public float[] Values { get; } = values;

    public int Rows { get; } = rows;

    public int Width { get; } = width;

    public OutputKind Kind { get; } = kind;

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Width, Width);
}
