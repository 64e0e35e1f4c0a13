using CatInherit.Policy;
using CatInherit.Reports;

namespace CatInherit.CodeFirst;

/// <summary>
/// A check declared in code, ready to run: <see cref="Run"/> returns its report, <see cref="Assert"/> throws unless it
/// passes. Each kind has its own builder (<see cref="GroupFairnessCheck"/>, <see cref="OodCheck"/>, ...), started from
/// <see cref="InheritanceData"/> or <see cref="InheritanceModel"/>; this base lets code hold checks of several kinds.
/// </summary>
public abstract class InheritanceCheck
{
    private protected InheritanceCheck(CheckState state) => State = state;

    /// <summary>The check's id in reports and messages (default <c>code-first</c>).</summary>
    public string Id => State.IdText;

    /// <summary>The check's kind, as written in a policy (e.g. <c>group-fairness</c>).</summary>
    public string Kind => State.Kind.Name;

    internal CheckState State { get; }

    /// <summary>
    /// Runs the check as the equivalent one-check policy, through the same loader, engine and gate as a YAML file.
    /// </summary>
    /// <returns>The check's report: status, metrics with intervals, groups, details, the models that ran.</returns>
    /// <exception cref="InvalidInputException">
    /// The check, its data or its model is invalid. The message lists every problem at once, each as
    /// <c>File.cs(line): error CATnnnn: ...</c> at the builder call that introduced the bad value.
    /// </exception>
    /// <remarks>A check compared on several models (<c>.Compare(...)</c>) returns its first model's run; <see cref="RunEach"/> returns every run.</remarks>
    public CheckReport Run() => CodeFirstRun.Run(State)[0];

    /// <summary>Runs the check and returns every run: one, or one per model it is compared on (<c>.Compare(...)</c>), in the order given.</summary>
    /// <returns>Each run's report; <see cref="Comparisons.Of"/> puts them side by side.</returns>
    /// <exception cref="InvalidInputException">The check, its data or its model is invalid (see <see cref="Run"/>).</exception>
    public IReadOnlyList<CheckReport> RunEach() => CodeFirstRun.Run(State);

    /// <summary>Runs the check and throws unless every run passes, warns or only reports (a failed gate, or an undefined gated metric).</summary>
    /// <returns>The check's report (its first model's run, when compared), when no run failed.</returns>
    /// <exception cref="InheritanceCheckException">A run failed; the message has the status line, the metrics with their intervals, the threshold, n, the groups and details of each failed run.</exception>
    /// <exception cref="InvalidInputException">The check, its data or its model is invalid (see <see cref="Run"/>).</exception>
    public CheckReport Assert()
    {
        var reports = RunEach();
        var failed = reports.Where(r => r.Fails()).ToList();
        return failed.Count == 0 ? reports[0] : throw new InheritanceCheckException(string.Join("\n\n", failed.Select(TestMessages.Describe)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Id}";
}
