using CatInherit.Progress;
using CatInherit.Reports;
using CatInherit.Running;
using Spectre.Console;

namespace CatInherit.Cli;

/// <summary>
/// Progress bars on an interactive stderr: one per dataset or variant being inferred, with row counts,
/// rate and time left. Non-interactive runs (CI logs, redirected stderr) get <see cref="ProgressPrinter"/>'s lines instead.
/// </summary>
internal static class LiveProgress
{
    public static RunResult Run(Func<IProgress<RunProgress>, RunResult> run, TextWriter stderr, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var summaries = new List<string>();
        RunResult? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                result = run(new SynchronousProgress(update =>
                {
                    if (update.Message is { } message)
                    {
                        summaries.Add(message);
                        return;
                    }

                    if (update.Stage != "infer" || update.Total == 0)
                    {
                        return;
                    }

                    if (!tasks.TryGetValue(update.Item, out var task))
                    {
                        task = context.AddTask(Markup.Escape(ReportText.Terminal(update.Item)), maxValue: update.Total);
                        tasks[update.Item] = task;
                    }

                    task.Value = update.Done;
                }));
            });
        foreach (var line in summaries)
        {
            stderr.WriteLine(ReportText.Terminal(line));
        }

        return result!;
    }

    /// <summary>Reports on the calling thread, in order (System.Progress would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }

    /// <summary>"rows done / total" for a progress task.</summary>
    private sealed class RowsColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(FormattableString.Invariant($"{task.Value:0}/{task.MaxValue:0} rows"));
    }
}
