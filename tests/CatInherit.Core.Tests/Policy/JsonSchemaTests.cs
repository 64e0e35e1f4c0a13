using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatInherit.Policy.Schema;
using CatInherit.Probes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace CatInherit.Tests.Policy;

public sealed class JsonSchemaTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CatInherit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    private static readonly Lazy<JsonSchema> Parsed = new(() => JsonSchema.FromText(JsonSchemaWriter.Write(CheckKinds.Catalog)));

    private static JsonSchema Schema() => Parsed.Value;

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        // Regenerate with: dotnet run --project src/CatInherit.Cli -- schema > schema/catinherit-policy.schema.json
        var committed = File.ReadAllText(Path.Combine(RepoRoot, "schema", "catinherit-policy.schema.json"));

        Assert.Equal(JsonSchemaWriter.Write(CheckKinds.Catalog), committed);
    }

    public static TheoryData<string> ExamplePolicies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "examples"), "catinherit*.yaml", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExamplePolicies))]
    public void Every_example_policy_validates_against_the_schema(string relative)
    {
        var result = Schema().Evaluate(YamlToJson(File.ReadAllText(Path.Combine(RepoRoot, relative))), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Theory]
    [InlineData("version: 1\ndatasets: { d: { path: x.csv } }\nchecks:\n  - { id: a, kind: group-fairness, dataset: d, sensitive: s, gate: { metric: selection_rate, max: 1 } }\n")]
    [InlineData("version: 1\ndatasets: { d: { path: x.csv } }\nchecks:\n  - { id: a, kind: group-fairness, dataset: d, sensitive: s, sensitve: t }\n")]
    [InlineData("version: 2\ndatasets: { d: { path: x.csv } }\nchecks:\n  - { id: a, kind: group-fairness, dataset: d, sensitive: s }\n")]
    [InlineData("version: 1\ndatasets: { d: { path: x.csv } }\nchecks:\n  - { id: a, kind: group-fairness, dataset: d, sensitive: s, gate: { metric: accuracy, max: 1, min: 0 } }\n")]
    public void The_schema_rejects_what_the_loader_rejects(string yaml) =>
        Assert.False(Schema().Evaluate(YamlToJson(yaml)).IsValid);

    [Theory]
    [InlineData("version: 1\nmodel: { path: e.onnx, inputs: { text: text }, output: { name: h, kind: embedding } }\nchecks:\n  - { id: w, kind: embedding-association, test: weat6 }\n")]
    [InlineData("version: 1\nmodels: { a: { path: a.onnx, inputs: { text: t }, output: { name: o, kind: logits } }, b: { path: b.onnx, inputs: { text: t }, output: { name: o, kind: logits } } }\ndatasets: { d: { path: x.csv, label: y, model: a } }\nchecks:\n  - { id: c, kind: calibration, dataset: d, model: b }\n")]
    public void The_schema_accepts_a_policy_without_datasets_and_a_model_on_any_check(string yaml) =>
        Assert.True(Schema().Evaluate(YamlToJson(yaml)).IsValid);

    /// <summary>YAML to JSON with the YAML 1.2 core schema: plain scalars that read as numbers, booleans or null become them.</summary>
    private static JsonElement YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return JsonDocument.Parse(Convert(stream.Documents[0].RootNode)?.ToJsonString() ?? "null").RootElement.Clone();

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
            YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "" or "~" or "null" => null,
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            YamlScalarNode s => JsonValue.Create(s.Value),
            _ => throw new JsonException("Unexpected YAML node."),
        };
    }
}
