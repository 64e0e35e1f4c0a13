using System.Text.Json;

namespace CatInherit.Reports;

/// <summary>The JSON shapes every writer needs: a property that is a value or null, a list of strings.</summary>
internal static class JsonWriting
{
    /// <summary>Writes <paramref name="value"/>, or null when there is none.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes <paramref name="value"/>, or null when there is none or it is not finite (JSON has no NaN).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
