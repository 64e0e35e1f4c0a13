using CatInherit.Xunit;

namespace Sentiment.Tests;

/// <summary>Every check of examples/Sentiment/catinherit.yaml is its own test: "group-fairness: name-gender-parity", ...</summary>
[Collection(BackdoorControl.Collection)]
public sealed class SentimentInheritance
{
    [InheritancePolicy("../Sentiment/catinherit.yaml")]
    public void Checks()
    {
    }
}
