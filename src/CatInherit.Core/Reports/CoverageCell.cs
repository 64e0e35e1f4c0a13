using CatInherit.Gating;
using CatInherit.Policy.Schema;

namespace CatInherit.Reports;

/// <summary>One cell of the <see cref="CoverageMatrix"/>: the checks of one catastrophe on one side.</summary>
/// <param name="Catastrophe">The row.</param>
/// <param name="Side">The column.</param>
/// <param name="Checks">The checks in it, in report order; none when it was not tested.</param>
public sealed record CoverageCell(Catastrophe Catastrophe, ModelSide Side, IReadOnlyList<CheckReport> Checks)
{
    /// <summary>The worst status of its checks (fail, error, warn, pass, reported), or null when it was not tested.</summary>
    public CheckStatus? Worst => CoverageMatrix.Worst(Checks.Select(c => c.Status));
}
