using System.Collections.Immutable;
using CatInherit.Policy;

namespace CatInherit.CodeFirst;

/// <summary>What an <see cref="InheritanceData"/> holds: a file or rows given in code, and its dataset keys.</summary>
/// <param name="At">The call that created it: problems with its rows are reported there.</param>
internal sealed record DataState(SourceLocation At)
{
    /// <summary>The data file (absolute), or null for rows given in code.</summary>
    public string? File { get; init; }

    /// <summary>The dataset's name, when the user gave one.</summary>
    public Setting? Name { get; init; }

    /// <summary>Columns given in code, in order.</summary>
    public ImmutableArray<InMemoryColumn> Columns { get; init; } = [];

    /// <summary>The dataset keys written (label, prediction, scores, classes, where, sample, model).</summary>
    public ImmutableArray<Setting> Settings { get; init; } = [];

    /// <summary>The feature columns given in code (<see cref="Inheritance.Features(IEnumerable{IReadOnlyList{double}}, string, int)"/>), for a model's <c>FeatureInput()</c>.</summary>
    public ImmutableArray<string> Features { get; init; } = [];

    /// <summary>Problems found when the values were given (e.g. rows of different widths), reported when the check runs.</summary>
    public ImmutableArray<Diagnostic> Problems { get; init; } = [];

    /// <summary>Whether the rows are given in code.</summary>
    public bool InMemory => File is null;

    /// <summary>Rows given in code: the length of the first column.</summary>
    public int RowCount => Columns.IsEmpty ? 0 : Columns[0].Values.Length;
}
