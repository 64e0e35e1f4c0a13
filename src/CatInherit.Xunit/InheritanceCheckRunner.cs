using System.Diagnostics;
using CatInherit.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CatInherit.Xunit;

/// <summary>
/// Reports one check's verdict from the shared policy run as a passed or failed test. xUnit v2 has no test
/// warnings: a warning is written to the test's output and, as one line, to the test host's standard output,
/// which <c>dotnet test</c> shows at normal verbosity (<c>-v n</c>) and above.
/// </summary>
internal sealed class InheritanceCheckRunner(InheritanceCheckTestCase testCase, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : TestCaseRunner<InheritanceCheckTestCase>(testCase, messageBus, aggregator, cancellationTokenSource)
{
    protected override async Task<RunSummary> RunTestAsync()
    {
        var test = new XunitTest(TestCase, TestCase.DisplayName);
        var summary = new RunSummary { Total = 1 };
        if (!MessageBus.QueueMessage(new TestStarting(test)))
        {
            CancellationTokenSource.Cancel();
        }

        var clock = Stopwatch.StartNew();
        var assemblyDirectory = InheritancePolicyDiscoverer.AssemblyDirectory(TestCase.TestMethod);
        var verdict = await Task.Run(() => SharedPolicyRuns.Verdict(TestCase.PolicyPath, TestCase.CheckId, assemblyDirectory)).ConfigureAwait(false);
        var time = (decimal)clock.Elapsed.TotalSeconds;
        var output = verdict.Output + Environment.NewLine + string.Concat(verdict.Warnings.Select(w => $"warning: {w}{Environment.NewLine}"));
        foreach (var warning in verdict.Warnings)
        {
            Console.Out.WriteLine($"[CatInherit] warning: {warning}");
        }

        ITestResultMessage result = verdict.Passed
            ? new TestPassed(test, time, output)
            : new TestFailed(test, time, output, ["CatInherit.GateFailed"], [verdict.Output], [string.Empty], [-1]);
        if (!verdict.Passed)
        {
            summary.Failed = 1;
        }

        if (!MessageBus.QueueMessage(result) || !MessageBus.QueueMessage(new TestFinished(test, time, result.Output)))
        {
            CancellationTokenSource.Cancel();
        }

        summary.Time = time;
        return summary;
    }
}
