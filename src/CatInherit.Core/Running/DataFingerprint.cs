namespace CatInherit.Running;

/// <summary>A dataset file a sharded run read, and the SHA-256 of its bytes (<c>memory</c> for rows given in code).</summary>
internal sealed record DataFingerprint(string Dataset, string Path, string Sha256);
