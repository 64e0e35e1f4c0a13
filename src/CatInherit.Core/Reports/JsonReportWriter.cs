using System.Text.Encodings.Web;
using System.Text.Json;
using CatInherit.Gating;
using CatInherit.Model;

namespace CatInherit.Reports;

/// <summary><c>report.json</c>, schema <c>catinherit-report/1</c>. Numbers are written in full (shortest round-trip form).</summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string FileName => "report.json";

    /// <inheritdoc />
    public void Write(RunReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("schema", RunReport.SchemaId);
        json.WriteString("catinherit_version", report.CatInheritVersion);
        json.WriteString("policy", report.Policy);
        json.WriteBoolean("passed", report.Passed);
        json.WriteNumber("seed", report.Seed);
        if (report.Shards is { } shards)
        {
            // Only a merged report has it: apart from this field it is byte for byte the report of one run.
            json.WriteNumber("shards", shards);
        }

        // "model" is the one model when exactly one took part (null otherwise); "models" lists every one.
        if (report.Model is { } model)
        {
            json.WritePropertyName("model");
            WriteModel(json, model, withNote: true);
        }
        else
        {
            json.WriteNull("model");
        }

        json.WriteStartArray("models");
        foreach (var each in report.Models)
        {
            WriteModel(json, each, withNote: true);
        }

        json.WriteEndArray();

        json.WriteStartObject("summary");
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            json.WriteNumber(StatusName(status), report.CountOf(status));
        }

        json.WriteEndObject();
        CoverageMatrix.WriteJson(json, report);
        json.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            WriteCheck(json, check);
        }

        json.WriteEndArray();
        WriteComparisons(json, report);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The lower-case status name used in every format.</summary>
    public static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.Warn => "warn",
        CheckStatus.Reported => "reported",
        _ => "error",
    };

    /// <summary>Written only when the policy compares models, so other reports stay as they were.</summary>
    private static void WriteComparisons(Utf8JsonWriter json, RunReport report)
    {
        var compared = report.Compared;
        if (compared.Count == 0)
        {
            return;
        }

        json.WriteStartArray("comparisons");
        foreach (var check in compared)
        {
            json.WriteStartObject();
            json.WriteString("id", check.Id);
            json.WriteString("kind", check.Kind);
            json.WriteString("catastrophe", check.Catastrophe);
            json.WriteString("metric", check.Metric);
            json.WriteStringOrNull("better", check.LowerIsBetter switch { true => "lower", false => "higher", null => null });

            json.WriteStartArray("runs");
            foreach (var run in check.Runs)
            {
                json.WriteStartObject();
                json.WriteString("model", run.Model);
                json.WriteString("id", run.Id);
                json.WriteString("status", StatusName(run.Status));
                json.WriteNumber("n", run.Count);
                json.WriteNumberOrNull("value", run.Value);

                if (run.Interval is { } interval)
                {
                    json.WriteStartArray("interval");
                    json.WriteNumberValue(interval.Lower);
                    json.WriteNumberValue(interval.Upper);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("best");
            foreach (var model in check.Best)
            {
                json.WriteStringValue(model);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("comparison_summary");
        foreach (var catastrophe in report.ComparisonSummary)
        {
            json.WriteStartObject();
            json.WriteString("catastrophe", catastrophe.Catastrophe);
            json.WriteStartArray("models");
            foreach (var tally in catastrophe.Models)
            {
                json.WriteStartObject();
                json.WriteString("model", tally.Model);
                json.WriteNumber("checks", tally.Checks);
                json.WriteNumber("passed", tally.Passed);
                json.WriteNumber("failed", tally.Failed);
                json.WriteNumber("warned", tally.Warned);
                json.WriteNumber("best", tally.Best);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStringOrNull("passes_on_less", catastrophe.PassesOnLess);

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelInfo model, bool withNote)
    {
        json.WriteStartObject();
        json.WriteString("name", model.Name);
        json.WriteString("path", model.Path);
        json.WriteString("sha256", model.Sha256);
        json.WriteString("provider", model.Provider);
        if (withNote && model.ProviderNote is { } note)
        {
            json.WriteString("provider_note", note);
        }

        json.WriteEndObject();
    }

    private static void WriteCheck(Utf8JsonWriter json, CheckReport check)
    {
        json.WriteStartObject();
        json.WriteString("id", check.Id);
        json.WriteString("kind", check.Kind);
        CoverageMatrix.WriteJson(json, check.Taxonomy);
        json.WriteString("status", StatusName(check.Status));
        json.WriteNumber("n", check.Count);
        json.WriteNumber("line", check.Location.Line);
        if (check.Comparison is { } comparison)
        {
            json.WriteStartObject("compare");
            json.WriteString("id", comparison.Id);
            json.WriteString("model", comparison.Model);
            json.WriteEndObject();
        }

        json.WriteStartArray("models");
        foreach (var model in check.Models)
        {
            WriteModel(json, model, withNote: false);
        }

        json.WriteEndArray();
        json.WriteStartObject("metrics");
        foreach (var metric in check.Metrics)
        {
            json.WriteNumber(metric.Name, metric.Value);
        }

        json.WriteEndObject();
        json.WriteStartObject("intervals");
        foreach (var (name, interval) in check.Intervals)
        {
            json.WriteStartArray(name);
            json.WriteNumberValue(interval.Lower);
            json.WriteNumberValue(interval.Upper);
            json.WriteEndArray();
        }

        json.WriteEndObject();
        if (check.Gate is { } gate)
        {
            json.WriteStartObject("gate");
            json.WriteString("metric", gate.Gate.Metric);
            json.WriteString("op", gate.Gate.OpName);
            json.WriteNumber("threshold", gate.Gate.Threshold);
            json.WriteNumberOrNull("value", gate.Value);

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("gate");
        }

        if (check.Groups.Count > 0)
        {
            json.WriteStartObject("groups");
            foreach (var group in check.Groups)
            {
                json.WriteStartObject(group.Name);
                json.WriteNumber("n", group.Count);
                if (group.Excluded)
                {
                    json.WriteBoolean("excluded", true);
                }

                foreach (var metric in group.Metrics)
                {
                    json.WriteNumber(metric.Name, metric.Value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (check.Undefined.Count > 0)
        {
            json.WriteStartObject("undefined");
            foreach (var (name, reason) in check.Undefined)
            {
                json.WriteString(name, reason);
            }

            json.WriteEndObject();
        }

        if (check.Warnings.Count > 0)
        {
            json.WriteStartArray("warnings");
            foreach (var warning in check.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
        }

        if (check.Details is { } details)
        {
            json.WritePropertyName("details");
            details.WriteTo(json);
        }

        json.WriteString("message", check.Message);
        json.WriteEndObject();
    }
}
