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
    public CheckReport Run() => CodeFirstRun.Run(State);

    /// <summary>Runs the check and throws unless it passes, warns or only reports (a failed gate, or an undefined gated metric).</summary>
    /// <returns>The check's report, when it did not fail.</returns>
    /// <exception cref="InheritanceCheckException">The check failed; the message has the status line, the metrics with their intervals, the threshold, n, the groups and details.</exception>
    /// <exception cref="InvalidInputException">The check, its data or its model is invalid (see <see cref="Run"/>).</exception>
    public CheckReport Assert()
    {
        var report = Run();
        return !report.Fails() ? report : throw new InheritanceCheckException(TestMessages.Describe(report));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Id}";
}
