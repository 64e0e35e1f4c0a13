namespace CatInherit.Policy;

/// <summary>
/// A value of a policy tree built in code with the place in the user's code that wrote it, so every diagnostic about
/// it points there (a code-first builder call's file and line) instead of at the tree's default location.
/// </summary>
/// <param name="At">Where the value was written.</param>
/// <param name="Value">The value: anything <see cref="PolicyTree"/> accepts.</param>
internal sealed record LocatedValue(SourceLocation At, object Value);
