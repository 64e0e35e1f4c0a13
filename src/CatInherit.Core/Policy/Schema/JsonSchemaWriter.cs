using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CatInherit.Policy.Schema;

/// <summary>
/// Writes the policy's JSON Schema (draft-07, the dialect YAML language servers complete from) out of
/// <see cref="PolicySchema"/> and a <see cref="CheckCatalog"/>, so editor validation and the loader agree.
/// </summary>
public static class JsonSchemaWriter
{
    /// <summary>The schema's id, also used in the <c># yaml-language-server: $schema=</c> comment.</summary>
    public const string SchemaId = "https://catinherit.dev/schema/policy-1.json";

    /// <summary>The schema as indented JSON with <c>\n</c> line ends.</summary>
    public static string Write(CheckCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("$id", SchemaId);
            json.WriteString("title", "CatInherit policy, version 1");
            json.WriteString("type", "object");
            WriteRequired(json, PolicySchema.RootKeys);
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartObject("properties");
            foreach (var key in PolicySchema.RootKeys)
            {
                json.WritePropertyName(key.Name);
                switch (key.Name)
                {
                    case "version":
                        json.WriteStartObject();
                        json.WriteString("description", key.Description);
                        json.WriteNumber("const", PolicySchema.Version);
                        json.WriteEndObject();
                        break;
                    case "datasets":
                        WriteNamedObjects(json, key.Description, "A dataset: a file and the columns that hold labels and model outputs.", PolicySchema.DatasetKeys, atLeastOne: false);
                        break;
                    case "checks":
                        WriteChecks(json, key.Description, catalog);
                        break;
                    case "mitigations":
                        WriteMitigations(json, key.Description, catalog.Methods);
                        break;
                    case "models":
                        WriteNamedObjects(json, key.Description, "A named model.", PolicySchema.ModelKeys, atLeastOne: true);
                        break;
                    default:
                        WriteKey(json, key);
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A mapping from user-chosen names to objects with <paramref name="keys"/> (datasets, models); datasets may be empty, as they may be absent.</summary>
    private static void WriteNamedObjects(Utf8JsonWriter json, string description, string itemDescription, IReadOnlyList<KeySpec> keys, bool atLeastOne)
    {
        json.WriteStartObject();
        json.WriteString("description", description);
        json.WriteString("type", "object");
        if (atLeastOne)
        {
            json.WriteNumber("minProperties", 1);
        }

        json.WritePropertyName("additionalProperties");
        WriteObject(json, itemDescription, keys);
        json.WriteEndObject();
    }

    private static void WriteChecks(Utf8JsonWriter json, string description, CheckCatalog catalog)
    {
        json.WriteStartObject();
        json.WriteString("description", description);
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteStartArray("required");
        json.WriteStringValue("id");
        json.WriteStringValue("kind");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WritePropertyName("kind");
        WriteKey(json, KindKey(catalog));
        json.WriteEndObject();
        json.WriteStartArray("allOf");
        foreach (var kind in catalog.Kinds)
        {
            json.WriteStartObject();
            json.WriteStartObject("if");
            json.WriteStartObject("properties");
            json.WriteStartObject("kind");
            json.WriteString("const", kind.Name);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WritePropertyName("then");
            var keys = PolicySchema.CommonCheckKeys.Select(k => k.Name == "kind" ? KindKey(catalog) : k).Concat(kind.Keys).ToList();
            json.WriteStartObject();
            json.WriteString("description", kind.Description);
            WriteRequired(json, keys);
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartObject("properties");
            foreach (var key in keys)
            {
                json.WritePropertyName(key.Name);
                if (key.Name == "gate")
                {
                    WriteGate(json, kind);
                }
                else
                {
                    WriteKey(json, key);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The mitigations: a list whose items take the common keys and their method's own (an if/then per method).</summary>
    private static void WriteMitigations(Utf8JsonWriter json, string description, IReadOnlyList<MitigationMethodDescriptor> methods)
    {
        var methodKey = MitigationMethods.CommonKeys.Single(k => k.Name == "method") with { AllowedValues = [.. methods.Select(m => m.Name)] };
        json.WriteStartObject();
        json.WriteString("description", description);
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        WriteRequired(json, MitigationMethods.CommonKeys);
        json.WriteStartObject("properties");
        json.WritePropertyName("method");
        WriteKey(json, methodKey);
        json.WriteEndObject();
        json.WriteStartArray("allOf");
        foreach (var method in methods)
        {
            json.WriteStartObject();
            json.WriteStartObject("if");
            json.WriteStartObject("properties");
            json.WriteStartObject("method");
            json.WriteString("const", method.Name);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WritePropertyName("then");
            WriteObject(json, method.Description, [.. MitigationMethods.CommonKeys.Select(k => k.Name == "method" ? methodKey : k), .. method.Keys]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The common 'kind' key, with the catalog's kinds as its values.</summary>
    private static KeySpec KindKey(CheckCatalog catalog) => PolicySchema.CommonCheckKeys.Single(k => k.Name == "kind") with { Description = "The check kind.", AllowedValues = catalog.Names };

    private static void WriteGate(Utf8JsonWriter json, CheckKindDescriptor kind)
    {
        json.WriteStartObject();
        json.WriteString("description", "The threshold that decides pass or fail: a metric and exactly one of max or min.");
        json.WriteString("type", "object");
        WriteRequired(json, PolicySchema.GateKeys);
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        foreach (var key in PolicySchema.GateKeys)
        {
            json.WritePropertyName(key.Name);
            if (key.Name == "metric")
            {
                json.WriteStartObject();
                json.WriteString("description", key.Description);
                json.WriteStartArray("enum");
                foreach (var metric in kind.Metrics.Where(m => m.Gateable))
                {
                    json.WriteStringValue(metric.Name);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                WriteKey(json, key);
            }
        }

        json.WriteEndObject();
        json.WriteStartArray("oneOf");
        foreach (var bound in new[] { "max", "min" })
        {
            json.WriteStartObject();
            json.WriteStartArray("required");
            json.WriteStringValue(bound);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter json, string description, IReadOnlyList<KeySpec> keys)
    {
        json.WriteStartObject();
        json.WriteString("description", description);
        json.WriteString("type", "object");
        WriteRequired(json, keys);
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        foreach (var key in keys)
        {
            json.WritePropertyName(key.Name);
            WriteKey(json, key);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter json, KeySpec key)
    {
        if (key.Kind == ValueKind.Map && key.Keys.Count > 0)
        {
            WriteObject(json, key.Description, key.Keys);
            return;
        }

        json.WriteStartObject();
        json.WriteString("description", key.Default is null ? key.Description : $"{key.Description} Default: {key.Default}.");
        switch (key.Kind)
        {
            case ValueKind.Number:
            case ValueKind.Integer:
                json.WriteString("type", key.Kind == ValueKind.Integer ? "integer" : "number");
                if (key.Minimum is { } min)
                {
                    json.WriteNumber(key.Exclusive ? "exclusiveMinimum" : "minimum", min);
                }

                if (key.Maximum is { } max)
                {
                    json.WriteNumber(key.Exclusive ? "exclusiveMaximum" : "maximum", max);
                }

                break;
            case ValueKind.Boolean:
                json.WriteString("type", "boolean");
                break;
            case ValueKind.Enum:
                json.WriteStartArray("enum");
                foreach (var value in key.AllowedValues)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
                break;
            case ValueKind.StringList:
                WriteScalarList(json);
                break;
            case ValueKind.StringOrList:
                json.WriteStartArray("anyOf");
                json.WriteStartObject();
                WriteScalarType(json);
                json.WriteEndObject();
                json.WriteStartObject();
                WriteScalarList(json);
                json.WriteEndObject();
                json.WriteEndArray();
                break;
            case ValueKind.Map:
                json.WriteString("type", "object");
                break;
            case ValueKind.NameOrMap:
                json.WriteStartArray("anyOf");
                json.WriteStartObject();
                json.WriteStartArray("enum");
                foreach (var value in key.AllowedValues)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                WriteObject(json, "Word-list files.", key.Keys);
                json.WriteEndArray();
                break;
            case ValueKind.WordSets:
                json.WriteString("type", "array");
                json.WriteNumber("minItems", 2);
                json.WriteNumber("maxItems", 2);
                json.WriteStartObject("items");
                WriteWordsOrFile(json);
                json.WriteEndObject();
                break;
            case ValueKind.WordMap:
                json.WriteString("type", "object");
                json.WriteStartObject("additionalProperties");
                WriteWordsOrFile(json);
                json.WriteEndObject();
                break;
            case ValueKind.String:
                WriteScalarType(json);
                break;
            default:
                json.WriteString("type", "string");
                break;
        }

        if (key.Default is { } text && key.Kind is ValueKind.Enum or ValueKind.String or ValueKind.Integer or ValueKind.Number)
        {
            if (key.Kind is ValueKind.Integer or ValueKind.Number)
            {
                json.WriteNumber("default", double.Parse(text, CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteString("default", text);
            }
        }

        json.WriteEndObject();
    }

    // YAML writes `positive_label: 1` and `classes: [0, 1]` unquoted: names may read as numbers.
    private static void WriteScalarType(Utf8JsonWriter json)
    {
        json.WriteStartArray("type");
        json.WriteStringValue("string");
        json.WriteStringValue("number");
        json.WriteStringValue("boolean");
        json.WriteEndArray();
    }

    private static void WriteWordsOrFile(Utf8JsonWriter json)
    {
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject();
        WriteScalarList(json);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteScalarList(Utf8JsonWriter json)
    {
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteStartObject("items");
        WriteScalarType(json);
        json.WriteEndObject();
    }

    private static void WriteRequired(Utf8JsonWriter json, IEnumerable<KeySpec> keys)
    {
        var required = keys.Where(k => k.Required).ToList();
        if (required.Count == 0)
        {
            return;
        }

        json.WriteStartArray("required");
        foreach (var key in required)
        {
            json.WriteStringValue(key.Name);
        }

        json.WriteEndArray();
    }
}
