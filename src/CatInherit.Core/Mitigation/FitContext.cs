using CatInherit.Data;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.Mitigation;

/// <summary>
/// What a method fits on: the policy's datasets read as a run reads them (<c>where</c>, <c>sample</c>), and the original
/// models run through the engine (tokenizer, batching, pooling, output cache). A tensor inside a graph is read by writing
/// a copy of the model that also outputs it into the work folder.
/// </summary>
internal sealed class FitContext(InheritancePolicy policy, RunOptions options, string workDirectory) : IDisposable
{
    private readonly List<string> temporary = [];

    public InheritancePolicy Policy { get; } = policy;

    public RunOptions Options { get; } = options;

    /// <summary>Reads a dataset with the columns its labels, outputs, filters and <paramref name="model"/> need, plus <paramref name="extra"/>.</summary>
    public DataTable? Table(DatasetSpec dataset, ModelSpec? model, IEnumerable<ColumnRequest> extra, List<Diagnostic> diagnostics)
    {
        ModelSpec[] models = model is null ? [] : [model];
        var plan = new RunPlan(Policy, [], []);
        return RunPlanner.Read(plan, new DatasetPlan(dataset, RunPlanner.Columns(dataset, models, extra), models), null, diagnostics);
    }

    /// <summary>The model's outputs for the table's rows (cached like a run's); null after a diagnostic.</summary>
    public ModelOutputs? Outputs(ModelSpec model, string label, DataTable table, List<Diagnostic> diagnostics)
    {
        using var session = ModelSession.Open(model, Options, diagnostics);
        if (session is null)
        {
            return null;
        }

        var request = session.Prepare(label, table);
        if (request.Cached is null && !session.EnsureOpen(diagnostics))
        {
            return null;
        }

        try
        {
            return session.Infer(request, null);
        }
        catch (InvalidInputException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return null;
        }
    }

    /// <summary>The model's outputs for <paramref name="texts"/> (a text model's words or sentences).</summary>
    public ModelOutputs? Outputs(ModelSpec model, string label, IReadOnlyList<string> texts, List<Diagnostic> diagnostics)
    {
        var column = model.TextColumn ?? throw new InvalidOperationException("A text model was expected.");
        var table = new DataTable(label, [.. Enumerable.Range(1, texts.Count)], new Dictionary<string, DataColumn> { [column] = new TextColumn(column, [.. texts]) });
        return Outputs(model, label, table, diagnostics);
    }

    /// <summary>
    /// The model reading <paramref name="tensor"/> as its output: the model itself when the tensor is a graph output,
    /// else a copy in the work folder that also outputs it (removed when the fit is done).
    /// </summary>
    public ModelSpec? Reading(ModelSpec model, string tensor, OutputKind kind, List<Diagnostic> diagnostics, SourceLocation at)
    {
        var (editor, problem) = OnnxGraphEditor.Load(model.Path);
        if (editor is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModel, model.Values.LocationOf("path"), $"model '{model.Name}' ({model.DisplayPath}) cannot be read as ONNX: {problem}"));
            return null;
        }

        if (editor.Graph.Output.Any(o => o.Name == tensor))
        {
            return model.WithOutput(tensor, kind);
        }

        if (editor.Producer(tensor) is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoEmbeddingTensor, at, $"model '{model.Name}' has no tensor '{tensor}'.{Suggestions.DidYouMean(tensor, editor.Graph.Node.SelectMany(n => n.Output))} Its outputs: {string.Join(", ", editor.Graph.Output.Select(o => o.Name))}"));
            return null;
        }

        editor.Expose(tensor);
        Directory.CreateDirectory(workDirectory);
        var path = Path.Combine(workDirectory, $".{model.Name}.{temporary.Count}.reading.onnx");
        editor.Save(path);
        temporary.Add(path);
        return model.WithOutput(tensor, kind).WithPath(path, model.DisplayPath);
    }

    public void Dispose()
    {
        foreach (var file in temporary.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
