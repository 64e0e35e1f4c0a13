using System.Text.Json.Nodes;

namespace CatInherit.Mitigation;

/// <summary>What one mitigation fitted for one model (or for precomputed predictions when <paramref name="Model"/> is null).</summary>
/// <param name="Model">The model whose graph was edited; null for precomputed predictions.</param>
/// <param name="Values">The fitted values (temperature, thresholds, directions...).</param>
/// <param name="Warnings">Things worth knowing about the fit.</param>
public sealed record FitSummary(string? Model, JsonObject Values, IReadOnlyList<string> Warnings);
