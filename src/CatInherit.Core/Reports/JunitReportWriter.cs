using System.Globalization;
using System.Text;
using System.Xml;
using CatInherit.Gating;
using CatInherit.Metrics;

namespace CatInherit.Reports;

/// <summary><c>junit.xml</c>: one testcase per check; fail → failure, error → error, warn → passes with its message in system-out.</summary>
public sealed class JunitReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "junit";

    /// <inheritdoc />
    public string FileName => "junit.xml";

    /// <inheritdoc />
    public void Write(RunReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(output, settings);
        var failures = report.CountOf(CheckStatus.Fail).ToString(CultureInfo.InvariantCulture);
        var errors = report.CountOf(CheckStatus.Error).ToString(CultureInfo.InvariantCulture);
        var tests = report.Checks.Count.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "catinherit");
        xml.WriteAttributeString("tests", tests);
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", errors);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", ReportText.Xml(report.Policy));
        xml.WriteAttributeString("tests", tests);
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", errors);
        xml.WriteAttributeString("skipped", "0");
        foreach (var check in report.Checks)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", $"catinherit.{check.Kind}");
            xml.WriteAttributeString("name", ReportText.Xml(check.DisplayName));
            switch (check.Status)
            {
                case CheckStatus.Fail:
                case CheckStatus.Error:
                    xml.WriteStartElement(check.Status == CheckStatus.Fail ? "failure" : "error");
                    xml.WriteAttributeString("message", ReportText.Xml(check.Message));
                    xml.WriteAttributeString("type", check.Status == CheckStatus.Fail ? "GateFailed" : "MetricUndefined");
                    xml.WriteString(ReportText.Xml(Details(check)));
                    xml.WriteEndElement();
                    break;
                default:
                    xml.WriteElementString("system-out", ReportText.Xml(check.Message + ModelLines(check)));
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>One line per model the check ran on, so each testcase says which model file it judged.</summary>
    private static string ModelLines(CheckReport check) =>
        string.Concat(check.Models.Select(m => $"\nmodel {m.Name}: {m.Path} (sha256 {m.Sha256}) on {m.Provider}"));

    private static string Details(CheckReport check)
    {
        var text = new StringBuilder(check.Message).Append(ModelLines(check)).Append('\n');
        foreach (var metric in check.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"{metric.Name} = {Numbers.Format(metric.Value)}{(check.IntervalOf(metric.Name) is { } iv ? " " + Numbers.Format(iv) : string.Empty)}\n");
        }

        return text.ToString();
    }
}
