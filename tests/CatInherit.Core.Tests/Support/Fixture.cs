using System.Text.Json;

namespace CatInherit.Tests.Support;

/// <summary>Reads the reference fixtures made by Fixtures/make_fixtures.py.</summary>
public static class Fixture
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }
}
