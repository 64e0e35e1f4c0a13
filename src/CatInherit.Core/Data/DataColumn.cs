namespace CatInherit.Data;

/// <summary>A column read from a data file.</summary>
internal abstract class DataColumn(string name)
{
    public string Name { get; } = name;

    /// <summary>About how many bytes the column's values hold (0 when unknown).</summary>
    public virtual long ApproximateBytes => 0;

    /// <summary>The column restricted to <paramref name="rows"/>, in that order.</summary>
    public abstract DataColumn Select(int[] rows);
}
