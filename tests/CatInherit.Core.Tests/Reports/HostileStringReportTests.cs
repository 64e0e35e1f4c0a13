using System.Text.Json;
using System.Xml.Linq;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Tests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CatInherit.Tests.Reports;

/// <summary>
/// Group values, a column name and class labels with markup, NUL/ESC, pipes, line breaks and a very long value:
/// every format is written, parses, and keeps the text (report.html in Chromium: see HtmlReportTests).
/// </summary>
public sealed class HostileStringReportTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string Visible(string text) => VisibleText.Escape(text);

    [Fact]
    public void All_four_formats_are_written()
    {
        var files = ReportWriters.WriteAll(HostileReport.Run(folder), folder.File("out"), ReportWriters.All);

        Assert.Equal(["report.json", "report.md", "junit.xml", "report.html"], files.Select(Path.GetFileName));
        Assert.Equal(4, Directory.GetFiles(folder.File("out")).Length);
    }

    [Fact]
    public void Json_parses_and_keeps_every_value_exactly()
    {
        using var json = JsonDocument.Parse(ReportWriters.ToText(HostileReport.Run(folder), new JsonReportWriter()));

        var checks = json.RootElement.GetProperty("checks");
        var groups = checks[0].GetProperty("groups").EnumerateObject().Select(g => g.Name).ToList();
        Assert.Equal(HostileReport.Groups.Order(StringComparer.Ordinal), groups);
        Assert.Contains(checks[1].GetProperty("groups").EnumerateObject(), g => g.Name == $"{HostileReport.Column}={HostileReport.Groups[3]}, region=north");
        var perClass = checks[2].GetProperty("details").GetProperty("per_class_recall").EnumerateObject().Select(c => c.Name);
        Assert.Equal([HostileReport.Positive, HostileReport.Negative], perClass.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Slices_and_word_attributions_keep_the_text_and_escape_it_in_html()
    {
        var report = HostileReport.Run(folder);
        using var json = JsonDocument.Parse(ReportWriters.ToText(report, new JsonReportWriter()));
        var html = ReportWriters.ToText(report, new HtmlReportWriter());

        var found = json.RootElement.GetProperty("checks")[3].GetProperty("details").GetProperty("slices").GetProperty("found");
        var values = found.EnumerateArray().SelectMany(s => s.GetProperty("predicates").EnumerateArray()).Where(p => p.GetProperty("feature").GetString() == HostileReport.Column).Select(p => p.GetProperty("value").GetString()).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Contains(v, HostileReport.Groups));
        Assert.Contains("&lt;script&gt;console.error(&#39;xss-1&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">script</span>&gt;<span", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Junit_parses_and_keeps_the_text_with_control_characters_shown()
    {
        var xml = XDocument.Parse(ReportWriters.ToText(HostileReport.Run(folder), new JunitReportWriter()));

        var failure = xml.Descendants("failure").First();
        var message = failure.Attribute("message")!.Value;
        Assert.Contains("from 0 ('<script>console.error('xss-1')</script>', n=5) to 1 ('nul\\u0000esc\\u001B[31m|pipe|', n=4)", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', xml.ToString());
        Assert.DoesNotContain('\u001B', xml.ToString());
        Assert.Contains(xml.Descendants(), e => e.Value.Contains(Visible(HostileReport.Groups[3]), StringComparison.Ordinal) || e.Attributes().Any(a => a.Value.Contains(Visible(HostileReport.Groups[3]), StringComparison.Ordinal)));
        Assert.Contains("]]>", xml.ToString(SaveOptions.DisableFormatting).Replace("]]&gt;", "]]>", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_tables_keep_their_columns_no_html_gets_through_and_the_text_is_kept()
    {
        var md = ReportWriters.ToText(HostileReport.Run(folder), new MarkdownReportWriter());
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
        var document = Markdown.Parse(md, pipeline);

        foreach (var table in document.Descendants<Markdig.Extensions.Tables.Table>())
        {
            var header = ((Markdig.Extensions.Tables.TableRow)table[0]).Count;
            Assert.All(table.OfType<Markdig.Extensions.Tables.TableRow>(), row => Assert.Equal(header, row.Count));
        }

        // Counted on the text too: a parser drops the cells a row has beyond its header.
        var expected = -1;
        foreach (var line in md.Split('\n'))
        {
            expected = !line.StartsWith('|') ? -1 : expected < 0 ? CellsOf(line) : expected;
            Assert.True(expected < 0 || CellsOf(line) == expected, line);
        }

        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<EmphasisInline>());
        var html = Markdown.ToHtml(md, pipeline);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        var text = Markdown.ToPlainText(md, pipeline);
        Assert.All(HostileReport.Groups, group => Assert.Contains(Visible(group), text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_message_keeps_one_line_per_item_and_shows_control_characters()
    {
        var report = HostileReport.Run(folder);

        var text = TestMessages.Describe(report.Checks[0]);

        Assert.DoesNotContain(text, c => c != '\n' && char.IsControl(c));
        Assert.Contains("\n  group 'line1\\nline2 | [link](javascript:x) *em* `code`' (n=", text, StringComparison.Ordinal);
        Assert.Contains("\n  group 'nul\\u0000esc\\u001B[31m|pipe|' (n=4)", text, StringComparison.Ordinal);
    }

    /// <summary>Cells of a Markdown table row: pipes not escaped with a backslash, minus one.</summary>
    private static int CellsOf(string row)
    {
        var pipes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                pipes++;
            }
        }

        return pipes - 1;
    }
}
