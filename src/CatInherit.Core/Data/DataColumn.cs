namespace CatInherit.Data;

/// <summary>A column read from a data file.</summary>
internal abstract class DataColumn(string name)
{
    public string Name { get; } = name;

    /// <summary>The column restricted to <paramref name="rows"/>, in that order.</summary>
    public abstract DataColumn Select(int[] rows);
}
