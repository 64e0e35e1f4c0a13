using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Probes;

/// <summary>One check family: which columns and texts it needs, what input it rejects, and what it measures.</summary>
internal interface IProbe
{
    /// <summary>The kind's declaration: keys, metrics, rules, needs, plots (in its folder's <c>…Kind.cs</c>).</summary>
    CheckKindDescriptor Descriptor { get; }

    /// <summary>Columns the check needs besides the dataset's label, prediction and score columns; <paramref name="model"/> is the check's model, if any.</summary>
    IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model);

    /// <summary>Texts to run through the check's model before the check runs (each inferred once per run, and cached).</summary>
    IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics) => [];

    /// <summary>Reports what only the data and the model outputs show (e.g. an unknown positive label); everything else is a load-time rule of the descriptor.</summary>
    void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics);

    /// <summary>Measures.</summary>
    ProbeResult Run(CheckSpec check, ProbeContext context);
}
