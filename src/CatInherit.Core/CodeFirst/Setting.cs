using CatInherit.Policy;

namespace CatInherit.CodeFirst;

/// <summary>One key a code-first builder wrote, with the place in the user's code that wrote it.</summary>
/// <param name="Key">The policy key.</param>
/// <param name="Value">A policy tree value (text, number, list, nested entries), or an <see cref="InheritanceData"/>, <see cref="InheritanceModel"/> or <see cref="WordSet"/> resolved when the policy is built.</param>
/// <param name="At">The builder call that wrote it.</param>
internal readonly record struct Setting(string Key, object Value, SourceLocation At);
