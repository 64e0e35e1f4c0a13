using CatInherit.Policy;

namespace CatInherit.Gating;

/// <summary>A gate and the value it was compared with.</summary>
/// <param name="Gate">The gate as declared.</param>
/// <param name="Value">The metric's value, or null when it is undefined.</param>
public sealed record GateResult(GateSpec Gate, double? Value);
