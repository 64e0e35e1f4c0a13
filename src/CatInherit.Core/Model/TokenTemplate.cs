using System.Text.Json;

namespace CatInherit.Model;

/// <summary>
/// The special tokens a tokenizer.json's post-processor puts around one sequence: TemplateProcessing's <c>single</c>,
/// BertProcessing and RobertaProcessing (<c>cls</c> $A <c>sep</c>), ByteLevel (none), or a Sequence of them.
/// </summary>
internal sealed class TokenTemplate
{
    private readonly int[] before;
    private readonly int[] after;

    private TokenTemplate(int[] before, int[] after)
    {
        this.before = before;
        this.after = after;
    }

    /// <summary>How many ids the template adds (truncation leaves room for them).</summary>
    public int Added => before.Length + after.Length;

    public static TokenTemplate Read(JsonElement? processor, IReadOnlyList<HuggingFaceTokenizer.AddedToken> added)
    {
        var before = new List<int>();
        var after = new List<int>();
        foreach (var step in Steps(processor))
        {
            switch (HuggingFaceTokenizer.Text(step, "type"))
            {
                case "ByteLevel":
                    break;
                case "BertProcessing" or "RobertaProcessing":
                    before.Add(step.GetProperty("cls")[1].GetInt32());
                    after.Insert(0, step.GetProperty("sep")[1].GetInt32());
                    break;
                case "TemplateProcessing":
                    Template(step, before, after, added);
                    break;
                case var other:
                    throw new InvalidDataException($"the post-processor '{other}' is not supported; CatInherit reads TemplateProcessing, BertProcessing, RobertaProcessing and ByteLevel");
            }
        }

        return new TokenTemplate([.. before], [.. after]);
    }

    /// <summary>The sequence's ids with the template's special tokens around them.</summary>
    public int[] Apply(List<int> ids) => [.. before, .. ids, .. after];

    private static void Template(JsonElement step, List<int> before, List<int> after, IReadOnlyList<HuggingFaceTokenizer.AddedToken> added)
    {
        var seen = false;
        foreach (var item in step.GetProperty("single").EnumerateArray())
        {
            if (item.TryGetProperty("Sequence", out _))
            {
                seen = true;
                continue;
            }

            var name = item.GetProperty("SpecialToken").GetProperty("id").GetString() ?? string.Empty;
            var ids = step.TryGetProperty("special_tokens", out var specials) && specials.TryGetProperty(name, out var special)
                ? special.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray()
                : added.FirstOrDefault(t => t.Content == name) is { } token ? [token.Id] : throw new InvalidDataException($"the template's special token '{name}' has no id in 'special_tokens' or 'added_tokens'");
            (seen ? after : before).AddRange(ids);
        }
    }

    private static IEnumerable<JsonElement> Steps(JsonElement? processor) =>
        processor is not { } p ? []
        : HuggingFaceTokenizer.Text(p, "type") == "Sequence" ? p.GetProperty("processors").EnumerateArray().SelectMany(s => Steps(s)).ToList()
        : [p];
}
