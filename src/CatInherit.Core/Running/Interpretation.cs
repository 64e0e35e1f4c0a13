using System.Text.Json.Nodes;
using CatInherit.Gating;
using CatInherit.Probes;
using CatInherit.Reports;

namespace CatInherit.Running;

/// <summary>What a check that did not pass gets besides its verdict: where it went wrong (its worst slices).</summary>
internal static class Interpretation
{
    /// <summary>
    /// The report with the probe's <see cref="ProbeResult.WhenFailing"/> details added and its sentence appended to the
    /// message, when the gate failed or warned; the report as it was otherwise.
    /// </summary>
    public static CheckReport Attach(CheckReport report, ProbeResult result)
    {
        if (report.Status is not (CheckStatus.Fail or CheckStatus.Warn) || result.WhenFailing?.Invoke() is not { } found)
        {
            return report;
        }

        var details = report.Details is { } own ? (JsonObject)own.DeepClone() : [];
        foreach (var (key, value) in found.Details)
        {
            details[key] = value?.DeepClone();
        }

        return report with { Details = details, Message = found.Summary is { } summary ? $"{report.Message}; {summary}" : report.Message };
    }
}
