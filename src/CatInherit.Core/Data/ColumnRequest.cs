using CatInherit.Policy;

namespace CatInherit.Data;

/// <summary>A column the run needs, and where the policy names it (for "column not found").</summary>
/// <param name="Name">The column's header name.</param>
/// <param name="Kind">How to store it.</param>
/// <param name="NamedAt">The policy position that names the column.</param>
/// <param name="Role">What it is for, in messages: "label", "sensitive attribute", ...</param>
internal sealed record ColumnRequest(string Name, ColumnKind Kind, SourceLocation NamedAt, string Role);
