using System.Text;
using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>
/// Reads a version-1 policy against a <see cref="CheckCatalog"/>: the YAML schema walker
/// (<see cref="PolicyReader"/>) checks keys and types, <see cref="PolicyReferences"/> resolves datasets and
/// models, <see cref="PolicyRules"/> checks the rules across keys and each kind's own. Every problem is
/// collected (not just the first), each with its file, line and column, so one run of <c>catinherit validate</c>
/// shows everything to fix. The result's specs carry every default, applied here once.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Loads the policy at <paramref name="path"/>; relative paths inside it resolve against its folder.</summary>
    public static PolicyLoadResult Load(string path, CheckCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return new(null, [Diagnostic.Error(DiagnosticCodes.PolicyNotFound, SourceLocation.OfFile(path), "the policy path contains a NUL character; no file can have that name")]);
        }

        string text;
        try
        {
            text = File.ReadAllText(path, StrictText.Encoding);
        }
        catch (DecoderFallbackException)
        {
            return new(null, [StrictText.InvalidUtf8(path, path, DiagnosticCodes.NotUtf8)]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException
                ? $"policy file not found (looked for {Path.GetFullPath(path)})"
                : $"policy file cannot be read: {ex.Message}";
            return new(null, [Diagnostic.Error(DiagnosticCodes.PolicyNotFound, SourceLocation.OfFile(path), reason)]);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Parse(text, path, directory, catalog);
    }

    /// <summary>Parses policy text; <paramref name="file"/> names it in diagnostics, <paramref name="baseDirectory"/> anchors its paths.</summary>
    public static PolicyLoadResult Parse(string text, string file, string baseDirectory, CheckCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.Read(text, file, diagnostics);
        return diagnostics.Count > 0 ? new(null, diagnostics) : Read(root, file, baseDirectory, catalog, diagnostics);
    }

    /// <summary>
    /// Reads a policy tree built in code (<see cref="PolicyTree"/>): the same walker, references and rules as a
    /// YAML file, with no text in between, so nothing is spliced into YAML and nothing is written to disk.
    /// </summary>
    internal static PolicyLoadResult Read(YamlNode root, string file, string baseDirectory, CheckCatalog catalog, IReadOnlySet<string> inMemoryDatasets) =>
        Read(root, file, baseDirectory, catalog, [], inMemoryDatasets);

    /// <summary>
    /// Parses a model section on its own (the mapping under <c>model:</c>), for code that runs a model
    /// without a whole policy. Relative paths resolve against <paramref name="baseDirectory"/>.
    /// </summary>
    public static (ModelSpec? Model, IReadOnlyList<Diagnostic> Diagnostics) ParseModel(string text, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.Read(text, file, diagnostics);
        var model = new PolicyRules(new PolicyReader(file, baseDirectory, diagnostics), new CheckCatalog([])).ReadModelSection(root);
        return (diagnostics.Any(d => d.IsError) ? null : model, diagnostics);
    }

    private static PolicyLoadResult Read(YamlNode? root, string file, string baseDirectory, CheckCatalog catalog, List<Diagnostic> diagnostics, IReadOnlySet<string>? inMemoryDatasets = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var reader = new PolicyReader(file, baseDirectory, diagnostics) { InMemoryDatasets = inMemoryDatasets ?? new HashSet<string>() };
        var policy = new PolicyRules(reader, catalog).ReadPolicy(root);
        var sorted = diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new(sorted.Any(d => d.IsError) ? null : policy, sorted) { Partial = policy };
    }
}
