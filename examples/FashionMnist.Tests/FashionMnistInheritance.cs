using CatInherit.Xunit;

namespace FashionMnist.Tests;

/// <summary>Every check of examples/FashionMnist/catinherit.yaml as its own test.</summary>
public sealed class FashionMnistInheritance
{
    [InheritancePolicy("../FashionMnist/catinherit.yaml")]
    public void Checks()
    {
    }
}
