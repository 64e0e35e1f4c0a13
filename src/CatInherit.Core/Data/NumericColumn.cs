namespace CatInherit.Data;

/// <summary>Finite numbers, one per row.</summary>
internal sealed class NumericColumn(string name, double[] values) : DataColumn(name)
{
    public double[] Values { get; } = values;
}
