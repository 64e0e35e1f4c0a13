namespace CatInherit.Policy;

/// <summary>The names of <see cref="ExecutionProvider"/> as written in policies, options and environment variables.</summary>
public static class ExecutionProviders
{
    /// <summary>Every name, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "cpu", "cuda"];

    /// <summary>The provider named <paramref name="name"/>, or null when it is not one of <see cref="Names"/>.</summary>
    public static ExecutionProvider? Parse(string? name) => name switch
    {
        "auto" => ExecutionProvider.Auto,
        "cpu" => ExecutionProvider.Cpu,
        "cuda" => ExecutionProvider.Cuda,
        _ => null,
    };

    /// <summary>The provider's name as written in a policy.</summary>
    public static string Name(this ExecutionProvider provider) => Names[(int)provider];
}
