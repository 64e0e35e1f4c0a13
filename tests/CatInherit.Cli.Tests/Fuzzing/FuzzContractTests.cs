using CatInherit.Tests.Support;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>The fuzzer's judge catches each kind of broken promise (negative controls), and passes a good run.</summary>
public sealed class FuzzContractTests : IDisposable
{
    private const string Error = "p.yaml(3,5): error CAT0102: column 'x' is not in d.csv\n";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Reports => folder.File("reports");

    private string? Judge(int code, string stdout, string stderr, string command = "check") =>
        FuzzContract.Violation(new CliRunner.Outcome(code, stdout, stderr), command, Reports);

    private void WriteReports(string json = "{}", string xml = "<testsuites/>", string md = "| a | b |\n|---|---|\n| 1 | 2 |\n", string html = "<p>&lt;script&gt; onerror=x</p>")
    {
        folder.Write("reports/report.json", json);
        folder.Write("reports/junit.xml", xml);
        folder.Write("reports/report.md", md);
        folder.Write("reports/report.html", html);
    }

    [Fact]
    public void A_clean_run_and_a_clean_input_error_pass()
    {
        Assert.Null(Judge(2, string.Empty, Error, "validate"));

        WriteReports();

        Assert.Null(Judge(0, "PASS  x\n", string.Empty));
    }

    [Theory]
    [InlineData(3, "", "catinherit: error CAT9999: internal error: boom\n", "exit code 3")]
    [InlineData(2, "", "Unhandled exception. System.Exception: boom\n   at CatInherit.Data.X.Read(String path)\n", "stack trace")]
    [InlineData(2, "", "something went wrong\n", "without a canonical")]
    [InlineData(2, "", "d.csv(2,1): error CAT0105: 'a\u001B[31m' is not a class\n", "U+001B")]
    [InlineData(2, "", "d.csv(2,1): error CAT0105: 'a\rb' is not a class\n", "U+000D")]
    public void Each_broken_promise_is_caught(int code, string stdout, string stderr, string expected)
    {
        Assert.Contains(expected, Judge(code, stdout, stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_or_leftover_report_is_caught()
    {
        folder.Write("reports/report.json", "{}");

        Assert.Contains("partial report", Judge(1, string.Empty, string.Empty), StringComparison.Ordinal);
        Assert.Contains("files written although", Judge(2, string.Empty, Error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "<testsuites/>", "| a | b |\n", "<p></p>", "does not parse")]
    [InlineData("{}", "<testsuites>", "| a | b |\n", "<p></p>", "does not parse")]
    [InlineData("{}", "<testsuites/>", "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", "<p></p>", "3 cells where its table has 2")]
    [InlineData("{}", "<testsuites/>", "| a | b |\n", "<td><script>alert(1)</script></td>", "active markup")]
    [InlineData("{}", "<testsuites/>", "| a | b |\n", "<td><img src=x onerror=alert(1)></td>", "active markup")]
    public void A_report_that_breaks_its_format_is_caught(string json, string xml, string md, string html, string expected)
    {
        WriteReports(json, xml, md, html);

        Assert.Contains(expected, Judge(0, string.Empty, string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_pipes_do_not_count_as_cells()
    {
        Assert.Null(FuzzContract.MarkdownTableProblem("| a | b |\n|---|---|\n| x \\| y | `c\\|d` |\n"));
    }
}
