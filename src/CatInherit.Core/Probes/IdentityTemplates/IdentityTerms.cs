using System.Reflection;
using System.Text.Json;

namespace CatInherit.Probes.IdentityTemplates;

/// <summary>
/// The built-in identity terms, fillers and templates of Dixon et al. (2018): the bias madlibs of conversationai's
/// unintended-ml-bias-analysis (Apache-2.0), as <c>Resources/identity-terms.json</c> holds them (see its NOTICE).
/// </summary>
internal static class IdentityTerms
{
    /// <summary>The name that stands for the built-in term list in <c>terms:</c>.</summary>
    public const string BuiltInName = "dixon";

    private static readonly Lazy<JsonElement> Data = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CatInherit.identity-terms.json")
            ?? throw new InvalidOperationException("Built-in identity terms are missing from the assembly.");
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    private static string[] Strings(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The 50 identity terms, in the published order.</summary>
    public static IReadOnlyList<string> Terms => Strings(Data.Value.GetProperty("terms"));

    /// <summary>The positive and negative adjectives of the madlibs.</summary>
    public static IReadOnlyList<string> Fillers(string polarity) => Strings(Data.Value.GetProperty("fillers").GetProperty(polarity));

    /// <summary>The default templates.</summary>
    public static IReadOnlyList<string> Templates => Strings(Data.Value.GetProperty("templates"));
}
