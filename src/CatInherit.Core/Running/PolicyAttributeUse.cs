namespace CatInherit.Running;

/// <summary>One CatInherit test attribute on a method of a test class, as a test adapter reads it.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Path">The policy path as written in the attribute.</param>
/// <param name="SourceFile">The source file that holds the attribute, if known.</param>
/// <param name="CheckId">The check an <c>[InheritanceCheck]</c> names; null for <c>[InheritancePolicy]</c> (every check).</param>
public sealed record PolicyAttributeUse(string Method, string Path, string? SourceFile, string? CheckId);
