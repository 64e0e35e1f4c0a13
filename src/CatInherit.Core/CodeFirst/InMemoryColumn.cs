using System.Collections.Immutable;
using CatInherit.Policy;

namespace CatInherit.CodeFirst;

/// <summary>One column given in code: its values as the invariant text a data file would hold.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Values">One value per row.</param>
/// <param name="At">The call that gave it.</param>
internal sealed record InMemoryColumn(string Name, ImmutableArray<string> Values, SourceLocation At)
{
    /// <summary>The column of <paramref name="values"/>, each written as invariant text (numbers round-trip).</summary>
    public static InMemoryColumn Of<T>(string name, IEnumerable<T> values, SourceLocation at) => new(name, [.. values.Select(v => Text(v))], at);

    /// <summary>A value as a data file would hold it: invariant culture, numbers in their shortest round-trip form.</summary>
    public static string Text<T>(T value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
