using CatInherit.Probes.Counterfactual;

namespace CatInherit.Tests.Probes;

public sealed class SwapListTests
{
    private static readonly SwapList Gender = SwapList.Load("gender");

    [Theory]
    [InlineData("He said his wife was happy.", "She said her husband was happy.")]
    [InlineData("HE IS MY BROTHER", "SHE IS MY SISTER")]
    [InlineData("John's car and Amy's bike.", "Amy's car and John's bike.")]
    [InlineData("My mom, my dad; my uncle!", "My dad, my mom; my aunt!")]
    [InlineData("ex-husband", "ex-wife")]
    [InlineData("I gave it to her.", "I gave it to his.")]
    [InlineData("Mr. Smith met Mrs. Jones.", "Mrs. Smith met Mr. Jones.")]
    public void Swaps_whole_words_both_ways_keeping_case_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, Gender.Swap(text));

    [Theory]
    [InlineData("Johnson and Johnny went to Mikeville.")]
    [InlineData("The manager's theme: hence shell.")]
    [InlineData("")]
    [InlineData("12345 !!!")]
    public void Names_and_terms_inside_longer_words_do_not_change(string text) => Assert.Null(Gender.Swap(text));

    [Fact]
    public void User_lists_pair_line_by_line()
    {
        var list = SwapList.FromPairs([("Emily", "Lakisha"), ("Greg", "Jamal")]);

        Assert.Equal("Lakisha met Jamal.", list.Swap("Emily met Greg."));
        Assert.Equal(["Emily", "Greg"], list.Sources);
    }
}
