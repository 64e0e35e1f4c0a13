using CatInherit.Xunit;

namespace Sentiment.Tests;

/// <summary>Every check of examples/Sentiment/catinherit.yaml is its own test: "group-fairness: name-gender-parity", ...</summary>
public sealed class SentimentInheritance
{
    [InheritancePolicy("../Sentiment/catinherit.yaml")]
    public void Checks()
    {
    }
}
