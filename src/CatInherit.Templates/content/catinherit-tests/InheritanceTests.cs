using CatInherit.Xunit;

namespace CatInherit.Tests1;

/// <summary>The model's inheritance checks, declared in catinherit.yaml beside this file.</summary>
public class InheritanceTests
{
    // One test per check of the policy, named "{kind}: {id}" and filterable by the traits
    // CatInherit.Kind and CatInherit.Check (dotnet test --filter CatInherit.Kind=calibration).
    // The method's body never runs; it only carries the attribute.
    [InheritancePolicy("catinherit.yaml")]
    public void Checks()
    {
    }
}
