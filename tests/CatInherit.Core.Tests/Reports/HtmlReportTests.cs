using System.Diagnostics;
using System.Xml.Linq;
using CatInherit.Reports;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Reports;

/// <summary>report.html rendered by a real headless Chromium (installed by .ci/run: apt-get install chromium).</summary>
public sealed class HtmlReportTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string Chromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is needed to render report.html: apt-get install chromium (.ci/run installs it).");

    /// <summary>Renders a page headless; returns Chromium's log (console messages included) and writes a screenshot.</summary>
    private (string Log, string Screenshot) Render(string html, string name)
    {
        var page = folder.Write(name + ".html", html);
        var screenshot = Path.Combine(RepoPaths.Root, "artifacts", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        var start = new ProcessStartInfo(Chromium()) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + folder.File("profile-" + name),
            "--enable-logging=stderr", "--v=0", "--window-size=1300,2400", "--screenshot=" + screenshot, "file://" + page,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "Chromium did not finish in 2 minutes");
        _ = stdout.Result;
        return (log, screenshot);
    }

    private static string[] ConsoleProblems(string log) =>
        [.. log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal))];

    private RunReport Report()
    {
        folder.Write("m.csv", "y,p\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{0.5 + (i % 7 / 20.0):0.00}\n")));
        folder.Write("n.csv", "y,p\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{0.3 + (i % 5 / 10.0):0.00}\n")));
        folder.Write("s.csv", "y,p,muslim,gay\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{0.2 + (i % 9 / 12.0):0.00},{(i % 3 == 0 ? "true" : "false")},{(i % 5 < 2 ? 1 : 0)}\n")));
        folder.Write("d.csv", "y,p,sex\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{(i % 3 == 0 ? 1 : 0)},{(i % 4 == 0 ? "f" : "m")}\n")));
        return PolicyRun.RunFile(folder.Write("catinherit.yaml", """
            version: 1
            datasets:
              m: { path: m.csv, label: y, scores: [p], score_kind: probabilities }
              n: { path: n.csv, label: y, scores: [p], score_kind: probabilities }
              d: { path: d.csv, label: y, prediction: p }
              s: { path: s.csv, label: y, scores: [p], score_kind: probabilities }
            checks:
              - { id: parity, kind: group-fairness, dataset: d, sensitive: sex, gate: { metric: demographic_parity_difference, max: 0.05 } }
              - { id: mia, kind: membership-inference, members: m, non_members: n, attack: confidence }
              - { id: ood, kind: ood, dataset: m, ood: n }
              - { id: identity, kind: identity-bias, dataset: s, subgroups: [muslim, gay] }
            """)).Report!;
    }

    [Fact]
    public void The_report_renders_in_chromium_without_console_errors_and_with_its_plots()
    {
        var html = ReportWriters.ToText(Report(), new HtmlReportWriter());

        var (log, screenshot) = Render(html, "report");

        Assert.Empty(ConsoleProblems(log));
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot should show a rendered page");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "aria-label=\"ROC:"));
        Assert.Equal(6, CountOf(html, " per group\">"));
        foreach (var svg in html.Split("<svg")[1..])
        {
            _ = XElement.Parse("<svg" + svg[..(svg.IndexOf("</svg>", StringComparison.Ordinal) + 6)]);
        }
    }

    [Fact]
    public void Hostile_values_render_as_text_and_no_script_runs()
    {
        var html = ReportWriters.ToText(HostileReport.Run(folder), new HtmlReportWriter());

        var (log, _) = Render(html, "hostile");
        var dom = DumpDom(html, "hostile-dom");

        // Each payload calls console.error: had any run, Chromium's log would show it.
        Assert.Empty(ConsoleProblems(log));
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;console.error('xss-1')&lt;/script&gt;", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;/svg&gt;&lt;img src=x onerror=console.error('xss-2')&gt;", dom, StringComparison.Ordinal);
        Assert.Contains("nul\\u0000esc\\u001B[31m|pipe|", dom, StringComparison.Ordinal);
        Assert.Contains(new string('w', 3000) + "&lt;b&gt;long&lt;/b&gt;", dom, StringComparison.Ordinal);
    }

    /// <summary>The page's DOM after Chromium parsed (and would have run) it, serialised.</summary>
    private string DumpDom(string html, string name)
    {
        var page = folder.Write(name + ".html", html);
        var start = new ProcessStartInfo(Chromium()) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--user-data-dir=" + folder.File("profile-" + name), "--dump-dom", "file://" + page })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "Chromium did not finish in 2 minutes");
        _ = stderr.Result;
        Assert.Contains("</html>", dom, StringComparison.Ordinal);
        return dom;
    }

    [Fact]
    public void The_console_check_catches_a_page_with_an_error()
    {
        var (log, _) = Render("<!DOCTYPE html><html><body><script>console.error('boom'); missing();</script></body></html>", "negative-control");

        Assert.NotEmpty(ConsoleProblems(log));
    }

    [Fact]
    public void The_same_report_gives_the_same_html()
    {
        var report = Report();

        Assert.Equal(ReportWriters.ToText(report, new HtmlReportWriter()), ReportWriters.ToText(report, new HtmlReportWriter()));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
