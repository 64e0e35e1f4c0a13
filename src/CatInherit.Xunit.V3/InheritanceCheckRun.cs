using CatInherit.Running;
using Xunit;

namespace CatInherit.Xunit;

/// <summary>
/// The test method every check's test case runs: it reads the check's verdict from the shared policy run,
/// writes the details to the test output, and fails with them when the gate fails.
/// </summary>
public sealed class InheritanceCheckRun
{
    /// <summary>Reports check <paramref name="checkId"/> of the policy at <paramref name="policyPath"/>.</summary>
    public void Run(string policyPath, string checkId)
    {
        var (passed, message) = SharedPolicyRuns.Verdict(policyPath, checkId);
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        if (!passed)
        {
            throw new InheritanceCheckFailedException(message);
        }
    }
}
