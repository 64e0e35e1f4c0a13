using System.Reflection;
using System.Text.Json;

namespace CatInherit.Probes.EmbeddingAssociation;

/// <summary>
/// The built-in WEAT tests (Caliskan et al. 2017), the identity × offensive tests (identity terms of Dixon et al. 2018 vs
/// neutral descriptors × offensive vs pleasant words) and SEAT's bleached templates (May et al. 2019).
/// </summary>
internal static class WeatSets
{
    private static readonly Lazy<JsonElement> Data = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CatInherit.weat.json")
            ?? throw new InvalidOperationException("Built-in WEAT sets are missing from the assembly.");
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    public static readonly IReadOnlyList<string> Names = ["weat1", "weat2", "weat6", "weat7", "weat8", "identity-sexuality", "identity-religion", "identity-ethnicity", "identity-disability-age"];

    public static (string Title, string[][] Targets, string[][] Attributes) Test(string name)
    {
        var test = Data.Value.GetProperty("tests").GetProperty(name);
        string[][] Sets(string key) => [.. test.GetProperty(key).EnumerateArray().Select(set => set.EnumerateArray().Select(w => w.GetString()!).ToArray())];
        return (test.GetProperty("title").GetString()!, Sets("targets"), Sets("attributes"));
    }

    public static IReadOnlyList<string> BleachedTemplates => [.. Data.Value.GetProperty("bleached_templates").EnumerateArray().Select(t => t.GetString()!)];
}
