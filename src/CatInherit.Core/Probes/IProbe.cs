using CatInherit.Data;
using CatInherit.Policy;

namespace CatInherit.Probes;

/// <summary>One check family: which columns and texts it needs, what input it rejects, and what it measures.</summary>
internal interface IProbe
{
    string Kind { get; }

    /// <summary>Columns the check needs besides the dataset's label, prediction and score columns; <paramref name="model"/> is the check's model, if any.</summary>
    IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model);

    /// <summary>Texts to run through the check's model before the check runs (each inferred once per run, and cached).</summary>
    IReadOnlyList<TextRequest> Texts(CheckSpec check, DataTable? table, ModelSpec? model, List<Diagnostic> diagnostics) => [];

    /// <summary>Reports input the policy loader could not see without the data (e.g. an unknown positive label).</summary>
    void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics);

    /// <summary>Measures.</summary>
    ProbeResult Run(CheckSpec check, ProbeContext context);
}
