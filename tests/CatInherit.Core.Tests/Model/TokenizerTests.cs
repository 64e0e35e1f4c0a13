using CatInherit.Model;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Model;

/// <summary>Token ids of the real all-MiniLM-L6-v2 vocabulary (bert-base-uncased), as Hugging Face's tokenizer gives them.</summary>
public sealed class TokenizerTests
{
    private static readonly string Vocab = Path.Combine(RepoPaths.SentimentModel, "vocab.txt");

    [Theory]
    [InlineData("Hello, world!", new[] { 101, 7592, 1010, 2088, 999, 102 })]
    [InlineData("unaffable", new[] { 101, 14477, 20961, 3468, 102 })]
    [InlineData("Café NAÏVE", new[] { 101, 7668, 15743, 102 })]
    [InlineData("the quick brown fox.", new[] { 101, 1996, 4248, 2829, 4419, 1012, 102 })]
    [InlineData("", new[] { 101, 102 })]
    public void Known_texts_give_known_ids(string text, int[] expected) =>
        Assert.Equal(expected, TextTokenizer.Load(Vocab, lowercase: true, maxLength: 128).Encode(text));

    [Fact]
    public void Long_texts_are_truncated_to_max_length_keeping_the_separator()
    {
        var ids = TextTokenizer.Load(Vocab, lowercase: true, maxLength: 5).Encode("the quick brown fox jumps over the lazy dog");

        Assert.Equal([101, 1996, 4248, 2829, 102], ids);
    }

    [Fact]
    public void The_vocabulary_line_is_the_id() =>
        Assert.Equal(7592, File.ReadLines(Vocab).Select(l => l.TrimEnd('\r')).ToList().IndexOf("hello"));
}
