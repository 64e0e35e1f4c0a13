using CatInherit.Reports;

namespace CatInherit.Tests.Reports;

public sealed class ReportFoldersTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "catinherit-report-folders");

    private static string P(params string[] parts) => Path.Combine([Root, .. parts]);

    [Fact]
    public void One_policy_writes_into_the_report_folder_itself() =>
        Assert.Equal(["out"], ReportFolders.For([P("app", "catinherit.yaml")], "out"));

    [Fact]
    public void Policies_with_the_same_name_in_different_folders_get_different_folders() =>
        Assert.Equal(
            [Path.Combine("out", "fairness", "catinherit"), Path.Combine("out", "privacy", "catinherit")],
            ReportFolders.For([P("app", "fairness", "catinherit.yaml"), P("app", "privacy", "catinherit.yaml")], "out"));

    [Fact]
    public void Policies_in_one_folder_are_named_by_their_files() =>
        Assert.Equal(
            [Path.Combine("out", "catinherit"), Path.Combine("out", "extra")],
            ReportFolders.For([P("app", "catinherit.yaml"), P("app", "extra.yaml")], "out"));

    [Fact]
    public void Nested_policies_keep_their_relative_path_and_files_that_differ_by_extension_keep_it()
    {
        Assert.Equal(
            [Path.Combine("out", "catinherit"), Path.Combine("out", "more", "catinherit")],
            ReportFolders.For([P("app", "catinherit.yaml"), P("app", "more", "catinherit.yaml")], "out"));
        Assert.Equal(
            [Path.Combine("out", "a.yaml"), Path.Combine("out", "a.yml")],
            ReportFolders.For([P("app", "a.yaml"), P("app", "a.yml")], "out"));
    }

    [Fact]
    public void Every_policy_gets_its_own_folder()
    {
        string[] policies = [P("x", "catinherit.yaml"), P("y", "catinherit.yaml"), P("x", "z", "catinherit.yaml"), P("catinherit.yaml"), P("x", "catinherit.yml")];

        var folders = ReportFolders.For(policies, "out");

        Assert.Equal(policies.Length, folders.Distinct().Count());
    }
}
