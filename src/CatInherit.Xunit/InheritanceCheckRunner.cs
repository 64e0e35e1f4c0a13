using System.Diagnostics;
using CatInherit.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CatInherit.Xunit;

/// <summary>Reports one check's verdict from the shared policy run as a passed or failed test.</summary>
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
        var (passed, message) = await Task.Run(() => SharedPolicyRuns.Verdict(TestCase.PolicyPath, TestCase.CheckId)).ConfigureAwait(false);
        var time = (decimal)clock.Elapsed.TotalSeconds;
        ITestResultMessage result = passed
            ? new TestPassed(test, time, message + Environment.NewLine)
            : new TestFailed(test, time, message + Environment.NewLine, ["CatInherit.GateFailed"], [message], [string.Empty], [-1]);
        if (!passed)
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
