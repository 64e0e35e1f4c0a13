using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Reports;

/// <summary>Every check names the model it actually ran on, in every format; reports list every model used.</summary>
public sealed class ModelAttributionTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly RunReport report;

    public ModelAttributionTests()
    {
        // Two real models that differ only in their bias, so their files (and hashes) differ.
        var models = TinyModels.TwoLinearModels(folder, "clean", "backdoored");
        folder.Write("d.csv", "a,b,c,y,sex\n1,0,0,0,f\n0,1,0,1,f\n0,0,1,1,m\n2,0,1,0,m\n0,2,0,1,f\n1,1,0,0,m\n");
        folder.Write("p.csv", "y,pred,sex\n1,1,f\n0,0,m\n1,0,m\n0,1,f\n");
        folder.Write("catinherit.yaml", models + """
            datasets:
              on_clean: { path: d.csv, label: y, model: clean }
              on_backdoored: { path: d.csv, label: y, model: backdoored }
              predictions: { path: p.csv, label: y, prediction: pred }
            checks:
              - { id: clean-parity, kind: group-fairness, dataset: on_clean, sensitive: sex, gate: { metric: demographic_parity_difference, max: 1 } }
              - { id: backdoored-parity, kind: group-fairness, dataset: on_backdoored, sensitive: sex, gate: { metric: demographic_parity_difference, max: 1 } }
              - { id: backdoored-calibration, kind: calibration, dataset: on_backdoored, gate: { metric: ece, max: 1 } }
              - { id: predictions-parity, kind: group-fairness, dataset: predictions, sensitive: sex, gate: { metric: demographic_parity_difference, max: 1 } }
            """);
        report = PolicyRun.RunFile(folder.File("catinherit.yaml")).Report!;
    }

    public void Dispose() => folder.Dispose();

    private string Sha(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder.File(file))));

    private CheckReport Check(string id) => report.Checks.Single(c => c.Id == id);

    [Fact]
    public void Each_check_carries_the_model_it_ran_on()
    {
        Assert.NotEqual(Sha("clean.onnx"), Sha("backdoored.onnx"));
        Assert.Equal([("clean", "clean.onnx", Sha("clean.onnx"))], Check("clean-parity").Models.Select(m => (m.Name, m.Path, m.Sha256)));
        Assert.Equal([("backdoored", "backdoored.onnx", Sha("backdoored.onnx"))], Check("backdoored-parity").Models.Select(m => (m.Name, m.Path, m.Sha256)));
        Assert.Equal(["backdoored"], Check("backdoored-calibration").Models.Select(m => m.Name));
        Assert.Empty(Check("predictions-parity").Models);
        Assert.All(report.Checks.SelectMany(c => c.Models), m => Assert.Equal("CPUExecutionProvider", m.Provider));
    }

    [Fact]
    public void The_report_lists_every_model_and_names_no_single_one_when_several_ran()
    {
        Assert.Equal(["clean", "backdoored"], report.Models.Select(m => m.Name));
        Assert.Null(report.Model);

        var json = JsonDocument.Parse(ReportWriters.ToText(report, new JsonReportWriter())).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("model").ValueKind);
        Assert.Equal(["clean", "backdoored"], json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal([Sha("clean.onnx"), Sha("backdoored.onnx")], json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("sha256").GetString()));
        JsonElement CheckJson(string id) => json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var backdoored = Assert.Single(CheckJson("backdoored-parity").GetProperty("models").EnumerateArray());
        Assert.Equal("backdoored", backdoored.GetProperty("name").GetString());
        Assert.Equal("backdoored.onnx", backdoored.GetProperty("path").GetString());
        Assert.Equal(Sha("backdoored.onnx"), backdoored.GetProperty("sha256").GetString());
        Assert.Equal("CPUExecutionProvider", backdoored.GetProperty("provider").GetString());
        Assert.Equal("clean", Assert.Single(CheckJson("clean-parity").GetProperty("models").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, CheckJson("predictions-parity").GetProperty("models").GetArrayLength());
    }

    [Fact]
    public void One_model_is_the_report_s_model()
    {
        folder.Write("single.yaml", "version: 1\nmodel:\n  path: clean.onnx\n  provider: cpu\n  cache: false\n  inputs: { features: [a, b, c] }\n  output: { name: logits, kind: logits }\ndatasets:\n  d: { path: d.csv, label: y }\nchecks:\n  - { id: c, kind: calibration, dataset: d, gate: { metric: ece, max: 1 } }\n");

        var single = PolicyRun.RunFile(folder.File("single.yaml")).Report!;

        Assert.Equal("model", single.Model!.Name);
        Assert.Equal(Sha("clean.onnx"), single.Model.Sha256);
        var json = JsonDocument.Parse(ReportWriters.ToText(single, new JsonReportWriter())).RootElement;
        Assert.Equal(Sha("clean.onnx"), json.GetProperty("model").GetProperty("sha256").GetString());
        Assert.Equal(1, json.GetProperty("models").GetArrayLength());
    }

    [Fact]
    public void Markdown_html_junit_and_test_output_name_each_check_s_own_model()
    {
        var md = ReportWriters.ToText(report, new MarkdownReportWriter());
        Assert.Contains($"- `clean`: `clean.onnx` (sha256 `{Sha("clean.onnx")}`) on CPUExecutionProvider", md);
        Assert.Contains($"- `backdoored`: `backdoored.onnx` (sha256 `{Sha("backdoored.onnx")}`) on CPUExecutionProvider", md);
        Assert.Contains("| group-fairness | `backdoored` | demographic_parity_difference ≤ 1 |", md);
        var section = md[md.IndexOf("### ✅ group-fairness: backdoored-parity", StringComparison.Ordinal)..md.IndexOf("### ✅ calibration: backdoored-calibration", StringComparison.Ordinal)];
        Assert.Contains($"Model `backdoored`: `backdoored.onnx` (sha256 `{Sha("backdoored.onnx")}`)", section);
        Assert.DoesNotContain(Sha("clean.onnx"), section);

        var html = ReportWriters.ToText(report, new HtmlReportWriter());
        Assert.Contains($"model <b>backdoored</b> <code>backdoored.onnx</code> · sha256 <code>{Sha("backdoored.onnx")}</code>", html);

        var junit = XDocument.Parse(ReportWriters.ToText(report, new JunitReportWriter()));
        string Out(string name) => (string)junit.Descendants("testcase").Single(t => (string)t.Attribute("name")! == name).Element("system-out")!;
        Assert.Contains($"model backdoored: backdoored.onnx (sha256 {Sha("backdoored.onnx")}) on CPUExecutionProvider", Out("calibration: backdoored-calibration"));
        Assert.Contains($"model clean: clean.onnx (sha256 {Sha("clean.onnx")})", Out("group-fairness: clean-parity"));
        Assert.DoesNotContain("model ", Out("group-fairness: predictions-parity"));

        var output = TestMessages.Describe(Check("backdoored-calibration"));
        Assert.Contains($"model backdoored: backdoored.onnx (sha256 {Sha("backdoored.onnx")}) on CPUExecutionProvider", output);
        Assert.DoesNotContain("clean.onnx", output);
    }
}
