using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Settings;

namespace CatInherit.Running;

/// <summary>
/// What one shard of a run hands to <c>catinherit merge</c> (<c>shard-I-of-N.catpartial.json</c>, format
/// <c>catinherit-partial/1</c>): the fingerprints that tie it to one run (policy, seed, selected checks, shard count,
/// CatInherit version, models, data files), the model outputs of the shard's rows keyed by what the model read, and
/// on shard 1 the reports of the checks that run whole. Output rows are stored as little-endian bytes in base64: exact.
/// </summary>
internal sealed record PartialFile
{
    public const string FormatId = "catinherit-partial/1";

    public const string Extension = ".catpartial.json";

    public required string Version { get; init; }

    public required string Policy { get; init; }

    public required string PolicySha256 { get; init; }

    public required int Seed { get; init; }

    /// <summary>The check selection the run was given (<see cref="RunOptions.Checks"/>), sorted; null for every check.</summary>
    public required IReadOnlyList<string>? Checks { get; init; }

    public required ShardSpec Shard { get; init; }

    public required IReadOnlyList<ModelInfo> Models { get; init; }

    public required IReadOnlyList<DataFingerprint> Data { get; init; }

    public required ShardOutputs Outputs { get; init; }

    /// <summary>Reports of the checks that run whole (written by shard 1), as stored: <see cref="CheckReportCodec"/> reads them against the policy.</summary>
    public IReadOnlyList<JsonElement> WholeChecks { get; init; } = [];

    /// <summary>Reports to write for the checks that run whole (shard 1 only).</summary>
    public IReadOnlyList<CheckReport> WholeCheckReports { get; init; } = [];

    /// <summary>The file it was read from.</summary>
    public string Source { get; init; } = string.Empty;

    public static string FileName(ShardSpec shard) => string.Create(CultureInfo.InvariantCulture, $"shard-{shard.Index}-of-{shard.Count}{Extension}");

    /// <summary>Writes into <paramref name="directory"/> atomically (a temporary file, then a rename); returns the path.</summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName(Shard));
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("format", FormatId);
                json.WriteString("catinherit_version", Version);
                json.WriteString("policy", Policy);
                json.WriteString("policy_sha256", PolicySha256);
                json.WriteNumber("seed", Seed);
                if (Checks is { } checks)
                {
                    json.WriteStrings("checks", checks);
                }

                json.WriteNumber("shard", Shard.Index);
                json.WriteNumber("shards", Shard.Count);
                json.WriteStartArray("models");
                foreach (var model in Models)
                {
                    CheckReportCodec.WriteModel(json, model);
                }

                json.WriteEndArray();
                json.WriteStartArray("data");
                foreach (var data in Data)
                {
                    json.WriteStartObject();
                    json.WriteString("dataset", data.Dataset);
                    json.WriteString("path", data.Path);
                    json.WriteString("sha256", data.Sha256);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("outputs");
                foreach (var model in Outputs.Models)
                {
                    var rows = Outputs.RowsOf(model).ToList();
                    var width = Outputs.WidthOf(model);
                    var hashes = rows.Select(r => r.Key).ToArray();
                    var values = new float[rows.Count * width];
                    for (var i = 0; i < rows.Count; i++)
                    {
                        rows[i].Value.CopyTo(values.AsSpan(i * width, width));
                    }

                    json.WriteStartObject();
                    json.WriteString("model", model);
                    json.WriteNumber("rows", rows.Count);
                    json.WriteNumber("width", width);
                    json.WriteBase64String("hashes", MemoryMarshal.AsBytes(hashes.AsSpan()));
                    json.WriteBase64String("values", MemoryMarshal.AsBytes(values.AsSpan()));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("whole_checks");
                foreach (var report in WholeCheckReports)
                {
                    CheckReportCodec.Write(json, report);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Reads a partial; null after a CAT0701 diagnostic when it is not one this version can merge.</summary>
    public static PartialFile? Read(string path, List<Diagnostic> diagnostics)
    {
        var at = SourceLocation.OfFile(path);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Partial files store little-endian numbers.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != FormatId)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, at, format is null
                    ? "this is not a CatInherit partial file (no \"format\"); a shard run (catinherit check --shard I/N --partial-dir DIR) writes them"
                    : $"partial format '{format}' cannot be merged by this CatInherit, which reads '{FormatId}'; run the shards and the merge with the same CatInherit version"));
                return null;
            }

            var outputs = new ShardOutputs();
            foreach (var model in root.GetProperty("outputs").EnumerateArray())
            {
                var name = model.GetProperty("model").GetString()!;
                var rows = model.GetProperty("rows").GetInt32();
                var width = model.GetProperty("width").GetInt32();
                var hashes = MemoryMarshal.Cast<byte, ulong>(model.GetProperty("hashes").GetBytesFromBase64()).ToArray();
                var values = MemoryMarshal.Cast<byte, float>(model.GetProperty("values").GetBytesFromBase64()).ToArray();
                if (hashes.Length != rows || values.Length != (long)rows * width)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, at, $"the outputs of model '{name}' are damaged: {rows} rows of width {width} announced, {hashes.Length} keys and {values.Length} values found; copy the partial again or run its shard again"));
                    return null;
                }

                for (var i = 0; i < rows; i++)
                {
                    outputs.Add(name, hashes[i], values.AsSpan(i * width, width));
                }
            }

            return new PartialFile
            {
                Version = root.GetProperty("catinherit_version").GetString()!,
                Policy = root.GetProperty("policy").GetString()!,
                PolicySha256 = root.GetProperty("policy_sha256").GetString()!,
                Seed = root.GetProperty("seed").GetInt32(),
                Checks = root.TryGetProperty("checks", out var checks) ? [.. checks.EnumerateArray().Select(c => c.GetString()!)] : null,
                Shard = new ShardSpec(root.GetProperty("shard").GetInt32(), root.GetProperty("shards").GetInt32()),
                Models = [.. root.GetProperty("models").EnumerateArray().Select(CheckReportCodec.ReadModel)],
                Data = [.. root.GetProperty("data").EnumerateArray().Select(d => new DataFingerprint(d.GetProperty("dataset").GetString()!, d.GetProperty("path").GetString()!, d.GetProperty("sha256").GetString()!))],
                Outputs = outputs,
                WholeChecks = [.. root.GetProperty("whole_checks").EnumerateArray().Select(c => c.Clone())],
                Source = path,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPartial, at, $"the partial file cannot be read ({ex.Message}); copy it again or run its shard again"));
            return null;
        }
    }
}
