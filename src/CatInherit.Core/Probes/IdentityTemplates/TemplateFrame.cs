namespace CatInherit.Probes.IdentityTemplates;

/// <summary>One template with one filler: every identity term is put into it, so terms are compared on the same frames.</summary>
/// <param name="Template">The template, with <c>{term}</c> (and <c>{filler}</c> when <paramref name="Filler"/> is set).</param>
/// <param name="Filler">The filler word, or null for a template without <c>{filler}</c>.</param>
/// <param name="Polarity">What the filled sentence should be: <see cref="FillerPolarity"/>.</param>
internal sealed record TemplateFrame(string Template, string? Filler, FillerPolarity Polarity)
{
    /// <summary>The sentence for <paramref name="term"/>.</summary>
    public string Fill(string term)
    {
        var text = Template.Replace("{term}", term, StringComparison.Ordinal);
        return Filler is null ? text : text.Replace("{filler}", Filler, StringComparison.Ordinal);
    }
}
