using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Running;

public sealed class PolicyLocatorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_assembly_folder_comes_first_then_the_source_folder()
    {
        var bin = Directory.CreateDirectory(folder.File("Tests/bin/Release/net10.0")).FullName;
        folder.Write("Tests/bin/Release/net10.0/catinherit.yaml", "a");
        folder.Write("Tests/catinherit.yaml", "b");

        Assert.Equal(folder.File("Tests/bin/Release/net10.0/catinherit.yaml"), PolicyLocator.Resolve("catinherit.yaml", bin, folder.File("Tests/Code.cs")));
        File.Delete(folder.File("Tests/bin/Release/net10.0/catinherit.yaml"));
        Assert.Equal(folder.File("Tests/catinherit.yaml"), PolicyLocator.Resolve("catinherit.yaml", bin, folder.File("Tests/Code.cs")));
    }

    [Fact]
    public void A_deterministic_build_s_mapped_source_path_falls_back_to_the_folders_above_the_assembly()
    {
        var bin = Directory.CreateDirectory(folder.File("examples/App.Tests/bin/Release/net10.0")).FullName;
        folder.Write("examples/App/catinherit.yaml", "policy");

        var resolved = PolicyLocator.Resolve("../App/catinherit.yaml", bin, "/_/examples/App.Tests/Code.cs");

        Assert.Equal(folder.File("examples/App/catinherit.yaml"), resolved);
    }

    [Fact]
    public void A_missing_file_resolves_beside_the_assembly_so_the_loader_can_say_where_it_looked() =>
        Assert.Equal(Path.Combine(folder.Path, "nope.yaml"), PolicyLocator.Resolve("nope.yaml", folder.Path, null));

    [Fact]
    public void An_empty_assembly_folder_is_treated_as_unknown()
    {
        folder.Write("src/catinherit.yaml", "policy");

        Assert.Equal(folder.File("src/catinherit.yaml"), PolicyLocator.Resolve("catinherit.yaml", string.Empty, folder.File("src/Code.cs")));
    }
}
