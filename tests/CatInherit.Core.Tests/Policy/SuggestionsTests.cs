using CatInherit.Policy;

namespace CatInherit.Tests.Policy;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("sensitve", "sensitive")]
    [InlineData("Sensitive", "sensitive")]
    [InlineData("datset", "dataset")]
    [InlineData("gaet", "gate")]
    public void Typos_find_the_intended_name(string typo, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typo, ["sensitive", "dataset", "gate", "decide"]));

    [Fact]
    public void Unrelated_names_get_no_suggestion()
    {
        Assert.Null(Suggestions.Closest("banana", ["sensitive", "dataset", "gate"]));
        Assert.Null(Suggestions.Closest("pdf", ["json", "md", "junit", "html"]));
        Assert.Equal("md", Suggestions.Closest("mb", ["json", "md", "junit", "html"]));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("", "abc", 3)]
    public void Distance_is_optimal_string_alignment(string a, string b, int expected) => Assert.Equal(expected, Suggestions.Distance(a, b));
}
