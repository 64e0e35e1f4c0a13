namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>A broken promise, and where its input was saved.</summary>
internal sealed record FuzzFinding(int Iteration, string Problem, string Mutation, string Folder);
