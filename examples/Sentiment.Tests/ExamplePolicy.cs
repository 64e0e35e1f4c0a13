using System.Runtime.CompilerServices;
using CatInherit.Running;

namespace Sentiment.Tests;

/// <summary>Finds a policy of examples/Sentiment the way <c>[InheritancePolicy]</c> does.</summary>
internal static class ExamplePolicy
{
    /// <summary>
    /// The same lookup as [InheritancePolicy]: CI builds map source paths to /_/, so the source folder alone is not enough.
    /// </summary>
    public static string Path(string file, [CallerFilePath] string source = "") =>
        PolicyLocator.Resolve(System.IO.Path.Combine("..", "Sentiment", file), AppContext.BaseDirectory, source);
}
