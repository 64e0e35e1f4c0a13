using Microsoft.ML.Tokenizers;

namespace CatInherit.Model;

/// <summary>
/// BERT WordPiece from a vocab.txt: lower-casing and accent stripping for uncased models, [CLS] … [SEP],
/// truncation to <c>max_length</c> tokens (special tokens included), as Hugging Face's tokenizer does.
/// </summary>
internal sealed class TextTokenizer : ITokenEncoder
{
    private readonly BertTokenizer tokenizer;
    private readonly int maxLength;

    private TextTokenizer(BertTokenizer tokenizer, int maxLength)
    {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    public static TextTokenizer Load(string vocabPath, bool lowercase, int maxLength)
    {
        var options = new BertOptions { LowerCaseBeforeTokenization = lowercase, RemoveNonSpacingMarks = lowercase };
        using var stream = File.OpenRead(vocabPath);
        return new TextTokenizer(BertTokenizer.Create(stream, options), maxLength);
    }

    public int PaddingId => tokenizer.PaddingTokenId;

    /// <summary>Right padding to the batch's longest row, with id 0 as before (BERT's [PAD]; the mask hides it).</summary>
    public TokenPadding Padding => TokenPadding.Default;

    /// <summary>Token ids with [CLS] and [SEP], at most max_length of them.</summary>
    public int[] Encode(string text)
    {
        var ids = tokenizer.EncodeToIds(text, maxLength, addSpecialTokens: true, out _, out _);
        return [.. ids];
    }
}
