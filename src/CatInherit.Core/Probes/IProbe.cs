using CatInherit.Data;
using CatInherit.Model;
using CatInherit.Policy;

namespace CatInherit.Probes;

/// <summary>One check family: which columns and texts it needs, what input it rejects, and what it measures.</summary>
internal interface IProbe
{
    string Kind { get; }

    /// <summary>Columns the check needs besides the dataset's label, prediction and score columns.</summary>
    IEnumerable<ColumnRequest> Columns(CheckSpec check);

    /// <summary>Texts to run through a model before the check runs (each inferred once per run, and cached).</summary>
    IReadOnlyList<TextRequest> Texts(CheckSpec check, DataTable? table, List<Diagnostic> diagnostics) => [];

    /// <summary>Reports input the policy loader could not see without the data (e.g. an unknown positive label).</summary>
    void Validate(CheckSpec check, ProbeInput? input, List<Diagnostic> diagnostics);

    /// <summary>Measures; <paramref name="texts"/> holds the outputs for each <see cref="TextRequest.Key"/>.</summary>
    ProbeResult Run(CheckSpec check, ProbeInput? input, IReadOnlyDictionary<string, ModelOutputs> texts);
}
