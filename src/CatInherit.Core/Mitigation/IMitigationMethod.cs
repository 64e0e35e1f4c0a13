using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.Mitigation;

/// <summary>One mitigation method: fits on the context and returns the edit to write into a model (or into predictions).</summary>
internal interface IMitigationMethod
{
    /// <summary>The method's keys and rules.</summary>
    MitigationMethodDescriptor Descriptor { get; }

    /// <summary>Fits for <paramref name="model"/> (null: precomputed scores); null after a diagnostic.</summary>
    FittedEdit? Fit(MitigationSpec mitigation, ModelSpec? model, FitContext context, List<Diagnostic> diagnostics);
}
