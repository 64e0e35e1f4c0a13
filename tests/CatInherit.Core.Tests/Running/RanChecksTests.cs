using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Running;

public sealed class RanChecksTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Nothing_is_recorded_unless_the_gate_prepared_the_folder()
    {
        RanChecks.Record(folder.Path, folder.File("catinherit.yaml"), "parity");

        Assert.False(Directory.Exists(folder.File(RanChecks.FolderName)));
        Assert.Empty(RanChecks.Read(folder.File(RanChecks.FolderName)));
    }

    [Fact]
    public void Recorded_checks_are_read_back_by_policy()
    {
        Directory.CreateDirectory(folder.File(RanChecks.FolderName));
        RanChecks.Record(folder.Path, folder.File("a/catinherit.yaml"), "parity");
        RanChecks.Record(folder.Path, folder.File("a/catinherit.yaml"), "calibration");
        RanChecks.Record(folder.Path, folder.File("a/catinherit.yaml"), "parity");
        RanChecks.Record(folder.Path, folder.File("b/catinherit.yaml"), "ood");

        var ran = RanChecks.Read(folder.File(RanChecks.FolderName));

        Assert.Equal(["calibration", "parity"], ran[folder.File("a/catinherit.yaml")].Order());
        Assert.Equal(["ood"], ran[folder.File("b/catinherit.yaml")]);
    }

    [Fact]
    public void The_verdict_records_that_the_check_s_test_ran()
    {
        folder.Write("d.csv", "label,pred,sex\n1,1,a\n0,0,b\n");
        var policy = folder.Write("catinherit.yaml", PolicyRun.FairnessPolicy("d.csv"));
        Directory.CreateDirectory(folder.File(RanChecks.FolderName));

        SharedPolicyRuns.Verdict(policy, "parity", folder.Path);

        Assert.Equal(["parity"], RanChecks.Read(folder.File(RanChecks.FolderName))[policy]);
    }
}
