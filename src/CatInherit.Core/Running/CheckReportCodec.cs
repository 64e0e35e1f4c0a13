using System.Text.Json;
using System.Text.Json.Nodes;
using CatInherit.Gating;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.Running;

/// <summary>
/// A check's report inside a partial file, for the checks shard 1 runs whole: every field the report formats write,
/// numbers as the bits of their float64 (exact, NaN and infinities included). The gate's spec, the check's
/// location and its place in a comparison come back from the policy the merge loads, which the partial's fingerprint ties to the shard's.
/// </summary>
internal static class CheckReportCodec
{
    public static void Write(Utf8JsonWriter json, CheckReport report)
    {
        json.WriteStartObject();
        json.WriteString("id", report.Id);
        json.WriteString("kind", report.Kind);
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("count", report.Count);
        json.WriteStartArray("metrics");
        foreach (var metric in report.Metrics)
        {
            WriteMetric(json, metric);
        }

        json.WriteEndArray();
        json.WriteStartArray("intervals");
        foreach (var (name, interval) in report.Intervals)
        {
            json.WriteStartArray();
            json.WriteStringValue(name);
            json.WriteNumberValue(Bits(interval.Lower));
            json.WriteNumberValue(Bits(interval.Upper));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        if (report.Gate is { Value: { } gateValue })
        {
            json.WriteNumber("gate_value", Bits(gateValue));
        }

        json.WriteStartArray("groups");
        foreach (var group in report.Groups)
        {
            json.WriteStartObject();
            json.WriteString("name", group.Name);
            json.WriteNumber("count", group.Count);
            json.WriteBoolean("excluded", group.Excluded);
            json.WriteStartArray("metrics");
            foreach (var metric in group.Metrics)
            {
                WriteMetric(json, metric);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("undefined");
        foreach (var (name, reason) in report.Undefined)
        {
            json.WriteStartArray();
            json.WriteStringValue(name);
            json.WriteStringValue(reason);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        if (report.Details is { } details)
        {
            // Details are plain JSON already; they are written back as they are.
            json.WritePropertyName("details");
            details.WriteTo(json);
        }

        json.WriteString("message", report.Message);
        json.WriteStartArray("models");
        foreach (var model in report.Models)
        {
            WriteModel(json, model);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The report of <paramref name="check"/> as shard 1 wrote it.</summary>
    public static CheckReport Read(JsonElement json, CheckSpec check) => new()
    {
        Id = json.GetProperty("id").GetString()!,
        Kind = json.GetProperty("kind").GetString()!,
        Status = Enum.Parse<CheckStatus>(json.GetProperty("status").GetString()!),
        Count = json.GetProperty("count").GetInt64(),
        Metrics = [.. json.GetProperty("metrics").EnumerateArray().Select(ReadMetric)],
        Intervals = [.. json.GetProperty("intervals").EnumerateArray().Select(i => new KeyValuePair<string, Interval>(i[0].GetString()!, new Interval(Double(i[1]), Double(i[2]))))],
        Gate = check.Gate is { } gate ? new GateResult(gate, json.TryGetProperty("gate_value", out var value) ? Double(value) : null) : null,
        Groups = [.. json.GetProperty("groups").EnumerateArray().Select(g => new GroupReport(g.GetProperty("name").GetString()!, g.GetProperty("count").GetInt64(), g.GetProperty("excluded").GetBoolean(), [.. g.GetProperty("metrics").EnumerateArray().Select(ReadMetric)]))],
        Undefined = [.. json.GetProperty("undefined").EnumerateArray().Select(u => new KeyValuePair<string, string>(u[0].GetString()!, u[1].GetString()!))],
        Warnings = [.. json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)],
        Details = json.TryGetProperty("details", out var details) ? JsonNode.Parse(details.GetRawText()) as JsonObject : null,
        Message = json.GetProperty("message").GetString()!,
        Models = [.. json.GetProperty("models").EnumerateArray().Select(ReadModel)],
        Comparison = check.Comparison,
        Location = check.Location,
    };

    public static void WriteModel(Utf8JsonWriter json, ModelInfo model)
    {
        json.WriteStartObject();
        json.WriteString("name", model.Name);
        json.WriteString("path", model.Path);
        json.WriteString("sha256", model.Sha256);
        json.WriteString("provider", model.Provider);
        if (model.ProviderNote is { } note)
        {
            json.WriteString("provider_note", note);
        }

        json.WriteEndObject();
    }

    public static ModelInfo ReadModel(JsonElement json) => new(
        json.GetProperty("path").GetString()!,
        json.GetProperty("sha256").GetString()!,
        json.GetProperty("provider").GetString()!,
        json.TryGetProperty("provider_note", out var note) ? note.GetString() : null,
        json.GetProperty("name").GetString()!);

    private static void WriteMetric(Utf8JsonWriter json, MetricValue metric)
    {
        json.WriteStartArray();
        json.WriteStringValue(metric.Name);
        json.WriteNumberValue(Bits(metric.Value));
        json.WriteEndArray();
    }

    private static MetricValue ReadMetric(JsonElement json) => new(json[0].GetString()!, Double(json[1]));

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static double Double(JsonElement json) => BitConverter.Int64BitsToDouble(json.GetInt64());
}
