namespace CatInherit.Settings;

/// <summary>A model file that replaces a policy model's own for one run.</summary>
/// <param name="Path">The file to open.</param>
/// <param name="DisplayPath">The path reports show.</param>
public sealed record ModelFile(string Path, string DisplayPath);
