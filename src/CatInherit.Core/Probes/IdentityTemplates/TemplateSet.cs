namespace CatInherit.Probes.IdentityTemplates;

/// <summary>The identity terms and template frames of a check; sentence <c>f · Terms.Count + t</c> is frame f filled with term t.</summary>
internal sealed record TemplateSet(IReadOnlyList<string> Terms, IReadOnlyList<TemplateFrame> Frames)
{
    /// <summary>Every sentence, frame by frame, term by term.</summary>
    public IReadOnlyList<string> Sentences() => [.. Frames.SelectMany(f => Terms.Select(f.Fill))];
}
