using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ReportWriterTests()
    {
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n0,1,a\n1,1,a\n1,0,b\n0,0,b\n1,1,b\n");
    }

    public void Dispose() => folder.Dispose();

    private RunReport Report(string gate = "max: 0.5", int seed = 0) =>
        PolicyRun.Run(folder, PolicyRun.FairnessPolicy("d.csv").Replace("max: 0.5", gate), seed).Report!;

    [Fact]
    public void Json_follows_the_report_schema()
    {
        var json = JsonDocument.Parse(ReportWriters.ToText(Report("max: 0.1"), new JsonReportWriter())).RootElement;

        Assert.Equal("catinherit-report/1", json.GetProperty("schema").GetString());
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("model").ValueKind);
        var check = json.GetProperty("checks")[0];
        Assert.Equal("parity", check.GetProperty("id").GetString());
        Assert.Equal("group-fairness", check.GetProperty("kind").GetString());
        Assert.Equal("fail", check.GetProperty("status").GetString());
        Assert.Equal(6, check.GetProperty("n").GetInt32());
        Assert.Equal(2.0 / 3, check.GetProperty("metrics").GetProperty("demographic_parity_difference").GetDouble(), 15);
        Assert.Equal(2, check.GetProperty("intervals").GetProperty("demographic_parity_difference").GetArrayLength());
        var gate = check.GetProperty("gate");
        Assert.Equal("max", gate.GetProperty("op").GetString());
        Assert.Equal(0.1, gate.GetProperty("threshold").GetDouble());
        Assert.Equal(1.0, check.GetProperty("groups").GetProperty("a").GetProperty("selection_rate").GetDouble());
        Assert.Equal(3, check.GetProperty("groups").GetProperty("a").GetProperty("n").GetInt32());
        Assert.StartsWith("demographic_parity_difference 0.6667", check.GetProperty("message").GetString());
    }

    [Fact]
    public void The_same_inputs_and_seed_give_identical_bytes_in_every_format()
    {
        foreach (var writer in ReportWriters.All)
        {
            Assert.Equal(ReportWriters.ToText(Report(), writer), ReportWriters.ToText(Report(), writer));
        }

        Assert.NotEqual(ReportWriters.ToText(Report(seed: 0), new JsonReportWriter()), ReportWriters.ToText(Report(seed: 5), new JsonReportWriter()));
    }

    [Fact]
    public void Junit_has_one_testcase_per_check_with_failures()
    {
        var xml = XDocument.Parse(ReportWriters.ToText(Report("max: 0.1"), new JunitReportWriter()));

        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("1", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var testcase = Assert.Single(suite.Elements("testcase"));
        Assert.Equal("group-fairness: parity", testcase.Attribute("name")!.Value);
        Assert.StartsWith("demographic_parity_difference 0.6667", testcase.Element("failure")!.Attribute("message")!.Value);
    }

    [Fact]
    public void Junit_validates_against_the_junit_schema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Fixtures", "junit.xsd"));
        List<string> Errors(string xml)
        {
            var errors = new List<string>();
            XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add(e.Message));
            return errors;
        }

        var junit = ReportWriters.ToText(Report("max: 0.1"), new JunitReportWriter());

        Assert.Empty(Errors(junit));
        Assert.NotEmpty(Errors(junit.Replace("classname=", "klass=", StringComparison.Ordinal)));
    }

    [Fact]
    public void Markdown_has_a_summary_table_and_group_details()
    {
        var md = ReportWriters.ToText(Report("max: 0.1"), new MarkdownReportWriter());

        Assert.StartsWith("## CatInherit: failed (0 passed, 1 failed, 0 warned)\n", md);
        Assert.Contains("| ❌ fail | `parity` | group-fairness | demographic_parity_difference ≤ 0.1 | 0.6667 | [", md);
        Assert.Contains("| a | 3 | 1 | 0.6667 | 1 | 1 |", md);
    }

    [Fact]
    public void Writing_a_folder_leaves_no_temporary_files()
    {
        var output = folder.File("out");

        var files = ReportWriters.WriteAll(Report(), output, ReportWriters.All);

        Assert.Equal(["junit.xml", "report.html", "report.json", "report.md"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Equal(4, files.Count);
    }

    private sealed class FailingWriter : IReportWriter
    {
        public string Format => "broken";

        public string FileName => "broken.txt";

        public void Write(RunReport report, Stream output)
        {
            output.Write("half a report"u8);
            throw new IOException("disk full");
        }
    }

    [Fact]
    public void A_writer_that_fails_midway_leaves_no_report_at_all()
    {
        var output = folder.File("out");

        Assert.Throws<IOException>(() => ReportWriters.WriteAll(Report(), output, [new FailingWriter()]));
        var files = ReportWriters.TryWriteAll(Report(), output, [new FailingWriter()], out var problem);

        // All formats or none: report.json, which rendered fine, is not written beside a missing format either.
        Assert.False(Directory.Exists(output));
        Assert.Empty(files);
        Assert.StartsWith("catinherit: error CAT0500: reports cannot be written to '", problem!.ToString());
    }
}
