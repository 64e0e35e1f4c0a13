using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CatInherit.Metrics;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Settings;

namespace CatInherit.Gating;

/// <summary>
/// Approved metric baselines, the snapshot-testing workflow applied to metrics. Every run writes
/// <c>&lt;policy&gt;.&lt;check&gt;.received.json</c> beside the policy; a reviewed copy named
/// <c>.verified.json</c> (or <c>CATINHERIT_ACCEPT=1</c>) becomes the reference. Later runs fail when the
/// gated metric moves past the verified value by more than <c>tolerance</c> in the failing direction.
/// With <c>CI=true</c> (<see cref="BaselineMode.RequireVerified"/>) a missing verified file fails instead of passing silently.
/// </summary>
internal static class Baselines
{
    /// <summary>The report with the baseline's verdict applied (unchanged when the check declares no baseline).</summary>
    public static Verdict Apply(CheckSpec check, ProbeResult result, Verdict report, BaselineMode mode)
    {
        if (!check.Values.Has("baseline") || check.Gate is not { } gate || report.Gate?.Value is not { } value)
        {
            return report;
        }

        var tolerance = check.Values.Child("baseline").GetDouble("tolerance") ?? 0;
        var stem = Path.Combine(check.BaseDirectory, $"{Path.GetFileNameWithoutExtension(check.Location.File)}.{check.Id}");
        var received = stem + ".received.json";
        var verified = stem + ".verified.json";
        try
        {
            Write(received, check, result);
            if (mode == BaselineMode.Accept)
            {
                File.Copy(received, verified, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The comparison below still runs when the verified file can be read; the note says what was not written.
            report = Warn(report, $"baseline file {received} cannot be written: {ex.Message}");
        }

        if (!File.Exists(verified))
        {
            var approve = $"review {Path.GetFileName(received)} and rename it to {Path.GetFileName(verified)} (or run with CATINHERIT_ACCEPT=1), then commit it";
            return mode == BaselineMode.RequireVerified
                ? report with { Status = CheckStatus.Fail, Message = $"{report.Message}; no verified baseline ({Path.GetFileName(verified)}) and CI=true: {approve}" }
                : Warn(report, $"baseline written to {received}; {approve}");
        }

        if (Read(verified, gate.Metric) is not { } reference)
        {
            return report with { Status = CheckStatus.Fail, Message = $"{report.Message}; {Path.GetFileName(verified)} has no value for {gate.Metric}: approve a new baseline" };
        }

        var regressed = gate.Op == GateOp.Max ? value > reference + tolerance : value < reference - tolerance;
        var comparison = string.Create(CultureInfo.InvariantCulture, $"baseline {Numbers.Format(reference)} (verified), tolerance {Numbers.Format(tolerance)}");
        return regressed
            ? report with { Status = CheckStatus.Fail, Message = $"{gate.Metric} {Numbers.Format(value)} regressed from the {comparison}; if the change is intended, approve {Path.GetFileName(received)}" }
            : report with { Message = $"{report.Message}; {comparison}" };
    }

    private static Verdict Warn(Verdict report, string warning) => report with { Warnings = [.. report.Warnings, warning] };

    private static void Write(string path, CheckSpec check, ProbeResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("check", check.Id);
            json.WriteString("kind", check.Kind);
            json.WriteString("gated_metric", check.Gate!.Metric);
            json.WriteNumber("n", result.Count);
            json.WriteStartObject("metrics");
            foreach (var (name, value) in result.Metrics.Where(m => !double.IsNaN(m.Value)))
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    private static double? Read(string path, string metric)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            // A hand-edited file may hold any JSON: only an object with a "metrics" object counts.
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("metrics", out var metrics)
                && metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty(metric, out var value) && value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
