namespace CatInherit.Data;

/// <summary>Finite numbers, one per row.</summary>
internal sealed class NumericColumn(string name, double[] values) : DataColumn(name)
{
    public double[] Values { get; } = values;

    public override long ApproximateBytes => 8L * Values.Length;

    public override DataColumn Select(int[] rows) => new NumericColumn(Name, [.. rows.Select(r => Values[r])]);
}
