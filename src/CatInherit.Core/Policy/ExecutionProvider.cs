namespace CatInherit.Policy;

/// <summary>Which ONNX Runtime execution provider runs a model (<c>provider:</c>, <c>--provider</c>, <c>CATINHERIT_PROVIDER</c>).</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when it loads, else CPU; the report says which ran and why.</summary>
    Auto,

    /// <summary>The CPU provider.</summary>
    Cpu,

    /// <summary>CUDA, or a diagnostic when it cannot load.</summary>
    Cuda,
}
