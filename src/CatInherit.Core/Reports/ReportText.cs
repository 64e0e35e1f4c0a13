using System.Net;
using System.Text;
using CatInherit.Policy;

namespace CatInherit.Reports;

/// <summary>
/// How text that comes from data or a policy (group values, column names, class labels, messages quoting them)
/// is written into each output, so that no value can break a format or act in it: control characters become
/// visible escapes (<c>\n</c>, <c>\u001B</c>), and each format's own markup characters are escaped. The text
/// itself is kept.
/// </summary>
public static class ReportText
{
    /// <summary>For a terminal or a log line: one line, no control sequences.</summary>
    public static string Terminal(string text) => VisibleText.Escape(text);

    /// <summary>For XML text and attributes: characters XML 1.0 cannot hold become visible escapes; line breaks stay.</summary>
    public static string Xml(string text) => VisibleText.Escape(text, keepLineBreaks: true);

    /// <summary>For HTML text and attribute values: encoded markup, visible control characters.</summary>
    public static string Html(string text) => WebUtility.HtmlEncode(VisibleText.Escape(text, keepLineBreaks: true));

    /// <summary>
    /// For Markdown outside code spans, table cells included: one line, and every character that could start
    /// markup (HTML tags, entities, links, emphasis, code, table pipes) backslash-escaped.
    /// </summary>
    public static string Markdown(string text)
    {
        var visible = VisibleText.Escape(text);
        var result = new StringBuilder(visible.Length + 8);
        for (var i = 0; i < visible.Length; i++)
        {
            var c = visible[i];
            var escape = c switch
            {
                '\\' or '<' or '>' or '&' or '|' or '`' or '*' or '[' or ']' or '~' => true,

                // Inside a word an underscore is not emphasis (GitHub and CommonMark): metric names stay readable.
                '_' => i == 0 || i == visible.Length - 1 || !char.IsLetterOrDigit(visible[i - 1]) || !char.IsLetterOrDigit(visible[i + 1]),
                _ => false,
            };
            if (escape)
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// A Markdown code span holding <paramref name="text"/> literally: a fence longer than any run of backticks in
    /// it, control characters visible, and in a table cell (<paramref name="inTable"/>) pipes escaped, which GitHub
    /// requires even inside code.
    /// </summary>
    public static string MarkdownCode(string text, bool inTable = false)
    {
        var visible = VisibleText.Escape(text);
        if (inTable)
        {
            visible = visible.Replace("|", "\\|", StringComparison.Ordinal);
        }

        var longest = 0;
        var run = 0;
        foreach (var c in visible)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = visible.StartsWith('`') || visible.EndsWith('`') ? " " : string.Empty;
        return fence + pad + visible + pad + fence;
    }
}
