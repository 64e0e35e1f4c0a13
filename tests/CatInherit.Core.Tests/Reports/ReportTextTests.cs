using CatInherit.Reports;

namespace CatInherit.Tests.Reports;

/// <summary>How data text is escaped for each output, character by character.</summary>
public sealed class ReportTextTests
{
    [Theory]
    [InlineData("plain café 🙂", "plain café 🙂")]
    [InlineData("a\u001B[31mb", "a\\u001B[31mb")]
    [InlineData("two\nlines\r\tend", "two\\nlines\\r\\tend")]
    [InlineData("nul\0del\u007Fcsi\u009B", "nul\\u0000del\\u007Fcsi\\u009B")]
    [InlineData("\u202Egnp.exe\u2066\u2028", "\\u202Egnp.exe\\u2066\\u2028")]
    public void Terminal_text_shows_control_characters_as_escapes(string text, string expected) =>
        Assert.Equal(expected, ReportText.Terminal(text));

    [Fact]
    public void An_unpaired_surrogate_is_shown_as_an_escape_and_a_pair_is_kept()
    {
        Assert.Equal("lone \\uD800 surrogate \uD83D\uDE42", ReportText.Terminal("lone \uD800 surrogate \uD83D\uDE42"));
    }

    [Fact]
    public void Xml_text_keeps_line_breaks_and_escapes_what_xml_cannot_hold()
    {
        Assert.Equal("x\\u0000y\n\tz\\uFFFE", ReportText.Xml("x\0y\n\tz\uFFFE"));
    }

    [Fact]
    public void Html_text_is_encoded_and_visible()
    {
        Assert.Equal("&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; \\u001B", ReportText.Html("<img src=x onerror=\"a()\"> & \u001B"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("[x](javascript:y)", "\\[x\\](javascript:y)")]
    [InlineData("*em* `code` ~~s~~ &amp;", "\\*em\\* \\`code\\` \\~\\~s\\~\\~ \\&amp;")]
    [InlineData("demographic_parity_difference _x_", "demographic_parity_difference \\_x\\_")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("row\nsplit", "row\\\\nsplit")]
    public void Markdown_text_escapes_every_character_that_starts_markup(string text, string expected) =>
        Assert.Equal(expected, ReportText.Markdown(text));

    [Theory]
    [InlineData("plain", false, "`plain`")]
    [InlineData("a`b", false, "``a`b``")]
    [InlineData("`x", false, "`` `x ``")]
    [InlineData("a|b", true, "`a\\|b`")]
    [InlineData("a\nb", false, "`a\\nb`")]
    public void A_markdown_code_span_holds_any_text(string text, bool inTable, string expected) =>
        Assert.Equal(expected, ReportText.MarkdownCode(text, inTable));
}
