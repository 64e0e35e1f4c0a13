namespace CatInherit.Data;

/// <summary>Free text, one string per row.</summary>
internal sealed class TextColumn(string name, string[] values) : DataColumn(name)
{
    public string[] Values { get; } = values;

    public override long ApproximateBytes => 8L * Values.Length;

    public override DataColumn Select(int[] rows) => new TextColumn(Name, [.. rows.Select(r => Values[r])]);
}
