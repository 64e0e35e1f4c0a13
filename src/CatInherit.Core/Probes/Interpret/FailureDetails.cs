using System.Text.Json.Nodes;

namespace CatInherit.Probes.Interpret;

/// <summary>What the run adds to a check that did not pass: details (its worst slices) and one sentence for its message.</summary>
/// <param name="Details">Keys to add to the check's details.</param>
/// <param name="Summary">A sentence appended to the check's message, or null.</param>
internal sealed record FailureDetails(JsonObject Details, string? Summary);
