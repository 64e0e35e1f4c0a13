using CatInherit.Progress;
using CatInherit.Reports;

namespace CatInherit.Cli;

/// <summary>
/// Progress on stderr (stdout stays machine-readable): one line per finished inference, so logs of
/// non-interactive CI runs stay readable. Reported synchronously, in order.
/// </summary>
internal sealed class ProgressPrinter(TextWriter stderr) : IProgress<RunProgress>
{
    public void Report(RunProgress value)
    {
        if (value.Message is { } message)
        {
            stderr.WriteLine(ReportText.Terminal(message));
        }
    }
}
