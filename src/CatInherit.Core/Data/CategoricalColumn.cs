namespace CatInherit.Data;

/// <summary>Interned values: <c>Levels[Codes[row]]</c> is the row's text. Levels are in first-seen order.</summary>
internal sealed class CategoricalColumn(string name, int[] codes, string[] levels) : DataColumn(name)
{
    public int[] Codes { get; } = codes;

    public string[] Levels { get; } = levels;

    public override long ApproximateBytes => 4L * Codes.Length;

    public override DataColumn Select(int[] rows) => new CategoricalColumn(Name, [.. rows.Select(r => Codes[r])], Levels);
}
