using System.Runtime.CompilerServices;
using CatInherit.Policy.Schema;
using CatInherit.Probes.AttributeInference;

namespace CatInherit.CodeFirst;

/// <summary>An attribute-inference check: how well a cross-validated probe recovers a sensitive attribute from the model's outputs.</summary>
public sealed class AttributeInferenceCheck : InheritanceCheck<AttributeInferenceCheck, AttributeInferenceMetric>, ICodeFirstKind
{
    internal AttributeInferenceCheck(CheckState state)
        : base(state)
    {
    }

    static CheckKindDescriptor ICodeFirstKind.Descriptor => AttributeInferenceKind.Descriptor;

    /// <summary>Cross-validation folds (stratified, seeded; default 5).</summary>
    /// <param name="count">The number of folds.</param>
    /// <param name="callerFile">Filled in by the compiler: a problem with this value is reported at this call.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("folds")]
    public AttributeInferenceCheck Folds(int count, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) => Set("folds", count, callerFile, callerLine);

    private protected override AttributeInferenceCheck With(CheckState state) => new(state);
}
