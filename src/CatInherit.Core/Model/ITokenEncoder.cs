namespace CatInherit.Model;

/// <summary>Turns one text into the token ids a model reads (special tokens added, truncated), and says how a batch is padded.</summary>
internal interface ITokenEncoder
{
    /// <summary>How rows of one batch are padded to a common length.</summary>
    TokenPadding Padding { get; }

    /// <summary>The text's token ids, special tokens included, at most the tokenizer's maximum length.</summary>
    int[] Encode(string text);
}
