namespace CatInherit.Model;

/// <summary>The model a run used.</summary>
/// <param name="Path">The model path as written in the policy.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the model file.</param>
/// <param name="Provider">The execution provider that ran, e.g. <c>CPUExecutionProvider</c>.</param>
/// <param name="ProviderNote">Why that provider (e.g. why CUDA was not used), or null.</param>
/// <param name="Name">The model's name in the policy (<c>model</c> for a single <c>model:</c> section).</param>
public sealed record ModelInfo(string Path, string Sha256, string Provider, string? ProviderNote, string Name = "model");
