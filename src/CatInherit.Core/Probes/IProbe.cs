using CatInherit.Data;
using CatInherit.Policy;

namespace CatInherit.Probes;

/// <summary>One check family: which columns it needs, what input it rejects, and what it measures.</summary>
internal interface IProbe
{
    string Kind { get; }

    /// <summary>Columns the check needs besides the dataset's label, prediction and score columns.</summary>
    IEnumerable<ColumnRequest> Columns(CheckSpec check);

    /// <summary>Reports input the policy loader could not see without the data (e.g. an unknown positive label).</summary>
    void Validate(CheckSpec check, ProbeInput input, List<Diagnostic> diagnostics);

    ProbeResult Run(CheckSpec check, ProbeInput input);
}
